import { Pencil } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { CONTROL_CLASSES } from '../../../components/ui/field-styles.ts';
import { useUpdateTicketMutation } from '../api/ticket-mutations.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { EditActions } from './EditActions.tsx';

/**
 * The subject as the page heading, edited in place when permitted. While editing, the text is the
 * user's own: a live update of the ticket does not replace it.
 */
export function SubjectEditor({ ticket, editable }: { ticket: Ticket; editable: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const update = useUpdateTicketMutation(ticket);
  const trimmed = draft?.trim() ?? '';
  const problem = draft !== null && (trimmed.length < 1 || trimmed.length > 200) ? 'The subject must be 1–200 characters.' : null;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (problem || draft === null) return;
    if (trimmed === ticket.subject) return setDraft(null);
    update.mutate({ subject: trimmed }, { onSuccess: () => setDraft(null) });
  };

  if (draft === null) {
    return (
      <div className="flex items-start gap-2">
        <h1 className="min-w-0 break-words text-2xl font-semibold text-slate-900 dark:text-slate-50">{ticket.subject}</h1>
        {editable && (
          <Button variant="ghost" size="sm" onClick={() => setDraft(ticket.subject)} aria-label="Edit subject">
            <Pencil aria-hidden className="h-4 w-4" />
          </Button>
        )}
      </div>
    );
  }
  return (
    <form onSubmit={save} className="space-y-1" aria-label="Edit subject">
      <h1 className="sr-only">{ticket.subject}</h1>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="ticket-subject" className="sr-only">
          Subject
        </label>
        <input
          id="ticket-subject"
          autoFocus
          value={draft}
          maxLength={220}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'ticket-subject-error' : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && setDraft(null)}
          className={`${CONTROL_CLASSES} max-w-2xl flex-1 text-lg font-semibold`}
        />
        <EditActions disabled={update.isPending || !!problem} onCancel={() => setDraft(null)} />
      </div>
      {problem && (
        <p id="ticket-subject-error" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  );
}
