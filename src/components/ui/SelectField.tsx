import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { CONTROL_CLASSES, describedBy, ERROR_CLASSES, HINT_CLASSES, LABEL_CLASSES } from './field-styles.ts';

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: string;
  error?: string;
  /** Visually hides the label (it stays available to screen readers). */
  hideLabel?: boolean;
  children: ReactNode;
}

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, hint, error, hideLabel, id, className = '', children, ...props },
  ref,
) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={selectId} className={hideLabel ? 'sr-only' : LABEL_CLASSES}>
        {label}
      </label>
      <select
        ref={ref}
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, hint, error)}
        className={CONTROL_CLASSES}
        {...props}
      >
        {children}
      </select>
      {hint && (
        <p id={`${selectId}-hint`} className={HINT_CLASSES}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${selectId}-error`} className={ERROR_CLASSES}>
          {error}
        </p>
      )}
    </div>
  );
});
