import { forwardRef, useId, type InputHTMLAttributes } from 'react';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: string;
  description?: string;
  /** A radio button instead (see Radio). */
  type?: 'checkbox' | 'radio';
}

/** A checkbox with its label (and optional description) to the right. */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { label, description, id, className = '', type = 'checkbox', ...props },
  ref,
) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <div className={`flex items-start gap-2 ${className}`}>
      <input
        ref={ref}
        id={inputId}
        type={type}
        aria-describedby={description ? `${inputId}-description` : undefined}
        className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
        {...props}
      />
      <div className="text-sm">
        <label htmlFor={inputId} className="font-medium text-slate-800 dark:text-slate-100">
          {label}
        </label>
        {description && (
          <p id={`${inputId}-description`} className="text-slate-600 dark:text-slate-400">
            {description}
          </p>
        )}
      </div>
    </div>
  );
});

/** A radio button with its label (and optional description) to the right. */
export const Radio = forwardRef<HTMLInputElement, Omit<CheckboxProps, 'type'>>(function Radio(props, ref) {
  return <Checkbox ref={ref} type="radio" {...props} />;
});
