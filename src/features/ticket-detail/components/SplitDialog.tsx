import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button.tsx';
import { Checkbox } from '../../../components/ui/Checkbox.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useConversationQuery } from '../api/conversation-queries.ts';
import type { PeopleDirectory } from '../api/reference-data-queries.ts';
import { useSplitTicketMutation } from '../api/ticket-mutations.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { fieldErrors, splitSchema } from '../ticket-detail.schema.ts';
import { decodeMentions } from '../ticket-detail.utils.ts';

/** Moves chosen replies and notes into a new ticket for the same requester; both tickets get linked. */
export function SplitDialog({ open, ticket, directory, onClose }: { open: boolean; ticket: Ticket; directory: PeopleDirectory; onClose: () => void }) {
  const { org } = useCurrentOrg();
  const navigate = useNavigate();
  const conversation = useConversationQuery(ticket.id);
  const split = useSplitTicketMutation(ticket);
  const [subject, setSubject] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const movable = (conversation.data?.comments ?? []).filter((comment) => comment.published_at);
  const close = () => {
    setSubject('');
    setChosen([]);
    setErrors({});
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = splitSchema.safeParse({ subject, commentIds: chosen });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    split.mutate(parsed.data, {
      onSuccess: (created) => {
        toast.success(`Created ${created.number}`);
        close();
        navigate(`/o/${org.slug}/tickets/${created.number}`);
      },
    });
  };
  const toggle = (id: string, on: boolean) => {
    setChosen((current) => (on ? [...current, id] : current.filter((c) => c !== id)));
    setErrors({});
  };
  return (
    <Dialog open={open} title={`Split ${ticket.number}`} description="The chosen replies and notes, with their files, move to a new ticket for the same requester." onClose={close}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField label="Subject of the new ticket" value={subject} maxLength={220} error={errors.subject} onChange={(event) => {
            setSubject(event.target.value);
            setErrors({});
          }}
          autoFocus />
        <fieldset aria-describedby={errors.commentIds ? 'split-comments-error' : undefined}>
          <legend className="mb-2 text-sm font-medium text-slate-700 dark:text-slate-200">Comments to move</legend>
          {movable.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">This ticket has no sent replies or notes to move.</p>
          ) : (
            <ul className="max-h-64 space-y-2 overflow-y-auto">
              {movable.map((comment) => (
                <li key={comment.id}>
                  <Checkbox
                    label={`${comment.is_internal ? 'Note' : 'Reply'} by ${directory.nameOf(comment.author_id)}`}
                    description={decodeMentions(comment.body, directory.people).slice(0, 140)}
                    checked={chosen.includes(comment.id)}
                    onChange={(event) => toggle(comment.id, event.target.checked)}
                  />
                </li>
              ))}
            </ul>
          )}
          {errors.commentIds && (
            <p id="split-comments-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.commentIds}
            </p>
          )}
        </fieldset>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={split.isPending}>
            Split into a new ticket
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
