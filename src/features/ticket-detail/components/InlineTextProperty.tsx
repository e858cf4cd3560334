import { Pencil } from 'lucide-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { CONTROL_CLASSES, LABEL_CLASSES } from '../../../components/ui/field-styles.ts';
import { EditActions } from './EditActions.tsx';

interface InlineTextPropertyProps {
  label: string;
  /** The value as shown (and as the editor starts from). */
  value: string;
  display?: ReactNode;
  editable: boolean;
  type?: 'text' | 'number' | 'date';
  hint?: string;
  maxLength?: number;
  busy: boolean;
  onSave: (value: string) => void;
}

/**
 * A property shown as text and edited in place. The editor keeps the user's text while it is open,
 * whatever arrives live meanwhile; Escape cancels.
 */
export function InlineTextProperty({ label, value, display, editable, type = 'text', hint, maxLength, busy, onSave }: InlineTextPropertyProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft !== null && draft !== value) onSave(draft);
    setDraft(null);
  };
  if (draft === null) {
    return (
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className={LABEL_CLASSES}>{label}</p>
          <div className="break-words text-sm text-slate-900 dark:text-slate-100">{display ?? (value || '—')}</div>
        </div>
        {editable && (
          <button type="button" onClick={() => setDraft(value)} className="rounded p-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            <Pencil aria-hidden className="h-3.5 w-3.5" />
            <span className="sr-only">Edit {label.toLowerCase()}</span>
          </button>
        )}
      </div>
    );
  }
  return (
    <form onSubmit={save} className="space-y-1.5">
      <label htmlFor={id} className={LABEL_CLASSES}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        autoFocus
        value={draft}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setDraft(null)}
        className={CONTROL_CLASSES}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      <div className="flex gap-2">
        <EditActions disabled={busy} onCancel={() => setDraft(null)} />
      </div>
    </form>
  );
}
