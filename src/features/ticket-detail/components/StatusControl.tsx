import { useState, type FormEvent } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useLifecycleQuery } from '../api/reference-data-queries.ts';
import { useUpdateTicketMutation } from '../api/ticket-mutations.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { legalMoves, type LegalMove } from '../ticket-detail.utils.ts';

const CATEGORY_TONES = { open: 'brand', in_progress: 'warning', waiting_on_customer: 'neutral', resolved: 'success', closed: 'neutral' } as const;

/** The status, with a picker of the moves the lifecycle allows this user; reopening and resolving ask first. */
export function StatusControl({ ticket, isRequester }: { ticket: Ticket; isRequester: boolean }) {
  const { org, permissions } = useCurrentOrg();
  const lifecycle = useLifecycleQuery(org.id);
  const update = useUpdateTicketMutation(ticket);
  const [pending, setPending] = useState<LegalMove | null>(null);
  const current = lifecycle.data?.statuses.find((s) => s.id === ticket.status_id);
  if (!current || !lifecycle.data) return <Badge>{ticket.status_category.replace(/_/g, ' ')}</Badge>;
  const moves = legalMoves(current, lifecycle.data.statuses, lifecycle.data.rules, (permission) => permissions.has(permission), isRequester);

  const choose = (statusId: string) => {
    const move = moves.find((m) => m.status.id === statusId);
    if (!move) return;
    if (move.requiresReason || move.asksResolution) setPending(move);
    else update.mutate({ status_id: move.status.id });
  };

  return (
    <div className="flex items-center gap-2">
      <Badge tone={CATEGORY_TONES[current.category]}>{current.name}</Badge>
      {moves.length > 0 && (
        <SelectField label="Change status" hideLabel value="" disabled={update.isPending} onChange={(event) => choose(event.target.value)} className="w-48">
          <option value="">Change status…</option>
          {moves.map((move) => (
            <option key={move.status.id} value={move.status.id}>
              {move.requiresReason ? `${move.status.name} (reopen)` : move.status.name}
            </option>
          ))}
        </SelectField>
      )}
      {pending && <TransitionDialog move={pending} ticket={ticket} onClose={() => setPending(null)} />}
    </div>
  );
}

function TransitionDialog({ move, ticket, onClose }: { move: LegalMove; ticket: Ticket; onClose: () => void }) {
  const update = useUpdateTicketMutation(ticket);
  const [text, setText] = useState(move.asksResolution ? (ticket.resolution ?? '') : '');
  const [error, setError] = useState<string | null>(null);
  const limit = move.requiresReason ? 1000 : 5000;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (move.requiresReason && !text.trim()) return setError('Say why the ticket is reopened.');
    if (text.length > limit) return setError(`Keep it under ${limit.toLocaleString()} characters.`);
    const patch = move.requiresReason ? { status_id: move.status.id, reopen_reason: text.trim() } : { status_id: move.status.id, resolution: text.trim() || null };
    update.mutate(patch, { onSuccess: onClose });
  };
  return (
    <Dialog
      open
      title={move.requiresReason ? `Reopen ${ticket.number}` : `Resolve ${ticket.number}`}
      description={move.requiresReason ? 'The requester and your team see why it was reopened.' : 'Remarks on how it was resolved help whoever reads this ticket later.'}
      onClose={onClose}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextArea
          label={move.requiresReason ? 'Reason for reopening' : 'Resolution remarks (optional)'}
          value={text}
          autoFocus
          rows={4}
          required={move.requiresReason}
          error={error ?? undefined}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={update.isPending}>
            {move.requiresReason ? 'Reopen ticket' : `Move to ${move.status.name}`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
