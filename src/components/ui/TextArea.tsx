import { forwardRef, useId, type TextareaHTMLAttributes } from 'react';
import { CONTROL_CLASSES, describedBy, ERROR_CLASSES, HINT_CLASSES, LABEL_CLASSES } from './field-styles.ts';

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: string;
  error?: string;
}

export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea(
  { label, hint, error, id, className = '', ...props },
  ref,
) {
  const generatedId = useId();
  const areaId = id ?? generatedId;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={areaId} className={LABEL_CLASSES}>
        {label}
      </label>
      <textarea
        ref={ref}
        id={areaId}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(areaId, hint, error)}
        className={CONTROL_CLASSES}
        {...props}
      />
      {hint && (
        <p id={`${areaId}-hint`} className={HINT_CLASSES}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${areaId}-error`} className={ERROR_CLASSES}>
          {error}
        </p>
      )}
    </div>
  );
});
