import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { CONTROL_CLASSES, LABEL_CLASSES } from '../../../components/ui/field-styles.ts';
import { matchPeople, mentionQueryAt, type Person } from '../ticket-detail.utils.ts';

interface MentionTextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** People who can be mentioned; none turns the autocomplete off. */
  people: Person[];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onSubmitShortcut: () => void;
  error?: string;
  placeholder?: string;
}

/**
 * A text area that suggests members after "@" (arrows to move, Enter or Tab to pick, Escape to
 * dismiss) and inserts "@Name"; Ctrl/⌘+Enter sends.
 */
export function MentionTextArea({ label, value, onChange, people, textareaRef, onSubmitShortcut, error, placeholder }: MentionTextAreaProps) {
  const id = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const query = people.length ? mentionQueryAt(value, caret) : null;
  const suggestions = query && dismissedAt !== query.start ? matchPeople(people, query.query) : [];
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  const pick = (person: Person) => {
    if (!query) return;
    const inserted = `@${person.name} `;
    const next = value.slice(0, query.start) + inserted + value.slice(caret);
    onChange(next);
    const position = query.start + inserted.length;
    requestAnimationFrame(() => {
      textareaRef.current?.setSelectionRange(position, position);
      setCaret(position);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      return onSubmitShortcut();
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(suggestions[activeIndex]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(query?.start ?? null);
    }
  };

  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className={LABEL_CLASSES}>
        {label}
      </label>
      <textarea
        ref={textareaRef}
        id={id}
        rows={5}
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        aria-autocomplete={people.length ? 'list' : undefined}
        aria-controls={open ? `${id}-suggestions` : undefined}
        aria-activedescendant={open ? `${id}-option-${activeIndex}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        className={CONTROL_CLASSES}
      />
      {open && (
        <ul id={`${id}-suggestions`} role="listbox" aria-label="Members to mention" className="absolute z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          {suggestions.map((person, index) => (
            <li
              key={person.userId}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
              className={`cursor-pointer rounded px-2 py-1.5 text-sm ${index === activeIndex ? 'bg-brand-50 text-brand-800 dark:bg-brand-900 dark:text-brand-100' : 'text-slate-800 dark:text-slate-100'}`}
            >
              {person.name}
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {people.length ? 'Type @ to mention a teammate. ' : ''}Ctrl+Enter sends.
        </p>
      )}
    </div>
  );
}
