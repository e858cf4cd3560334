/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { PrechatField } from '../chat.utils.ts';
import type { Strings } from '../i18n.ts';

interface PrechatFormProps {
  fields: PrechatField[];
  strings: Strings;
  onSubmit: (answers: Record<string, string>) => Promise<void>;
}

const inputType = { text: 'text', email: 'email', phone: 'tel', textarea: 'text', select: 'text' } as const;

function FieldInput({ field, value, onChange }: { field: PrechatField; value: string; onChange: (value: string) => void }) {
  const common = { name: field.key, required: field.required === true, value };
  if (field.type === 'textarea') return <textarea {...common} rows={3} maxLength={1000} onInput={(e) => onChange(e.currentTarget.value)} />;
  if (field.type === 'select') {
    return (
      <select {...common} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="" />
        {field.options?.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    );
  }
  // list: preact's typings want it spelled out for text-like inputs that could be comboboxes
  return <input {...common} type={inputType[field.type]} list={undefined} maxLength={1000} autoComplete={field.type === 'email' ? 'email' : field.key === 'name' ? 'name' : 'on'}
    onInput={(e) => onChange(e.currentTarget.value)} />;
}

/** The widget's pre-chat form; the widget-session function checks the answers again. */
export function PrechatForm({ fields, strings, onSubmit }: PrechatFormProps) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const filled = Object.fromEntries(Object.entries(answers).filter(([, value]) => value.trim()));
    onSubmit(filled).catch((error: Error) => setProblem(error.message || strings.genericError)).finally(() => setBusy(false));
  };

  return (
    <form class="prechat" onSubmit={submit}>
      <h2>{strings.prechatTitle}</h2>
      {fields.map((field) => (
        <label key={field.key} class="field">
          <span dir="auto">{field.label}{field.required && <em> ({strings.required})</em>}</span>
          <FieldInput field={field} value={answers[field.key] ?? ''} onChange={(value) => setAnswers((current) => ({ ...current, [field.key]: value }))} />
        </label>
      ))}
      {problem && <p class="error" role="alert">{problem}</p>}
      <button type="submit" class="primary" disabled={busy}>{strings.startChat}</button>
    </form>
  );
}
