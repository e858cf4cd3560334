import { LABEL_CLASSES } from './field-styles.ts';

/** A choice shown to someone who may not change it, in place of its radio buttons: what was chosen and what it means. */
export function ChoiceSummary({ label, choice, description }: { label: string; choice: string; description: string }) {
  return (
    <div>
      <p className={LABEL_CLASSES}>{label}</p>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        <span className="font-medium text-slate-900 dark:text-slate-50">{choice}.</span> {description}
      </p>
    </div>
  );
}
