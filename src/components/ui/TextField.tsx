import { forwardRef, useId, type InputHTMLAttributes } from 'react';
import { CONTROL_CLASSES, describedBy, ERROR_CLASSES, HINT_CLASSES, LABEL_CLASSES } from './field-styles.ts';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input whose hint and error are linked with aria-describedby. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, id, className = '', ...props },
  ref,
) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={inputId} className={LABEL_CLASSES}>
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        className={CONTROL_CLASSES}
        {...props}
      />
      {hint && (
        <p id={`${inputId}-hint`} className={HINT_CLASSES}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${inputId}-error`} className={ERROR_CLASSES}>
          {error}
        </p>
      )}
    </div>
  );
});
