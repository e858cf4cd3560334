import { useId } from 'react';
import { HINT_CLASSES, LABEL_CLASSES } from '../../../components/ui/field-styles.ts';
import { TEMPLATE_VARIABLES } from '../saved-replies.utils.ts';

/** The variables the database fills in, each inserted at the caret of the text by a button. */
export function VariableButtons({ onInsert }: { onInsert: (token: string) => void }) {
  const hintId = useId();
  return (
    <div role="group" aria-label="Insert a variable" aria-describedby={hintId}>
      <p className={LABEL_CLASSES} aria-hidden>
        Insert a variable
      </p>
      <ul className="mt-1 flex flex-wrap gap-1.5">
        {TEMPLATE_VARIABLES.map((variable) => (
          <li key={variable.name}>
            <button
              type="button"
              title={variable.description}
              aria-label={`${variable.name}: ${variable.description}`}
              onClick={() => onInsert(`{{${variable.name}}}`)}
              className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
            >
              {`{{${variable.name}}}`}
            </button>
          </li>
        ))}
      </ul>
      <p id={hintId} className={`mt-1 ${HINT_CLASSES}`}>
        Filled in for each ticket when inserted. In chats, the ticket variables stay as written.
      </p>
    </div>
  );
}
