import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Status } from '../api/statuses-query.ts';
import type { PortalTicket } from '../api/ticket-query.ts';
import { useTicketStatusMutation } from '../api/ticket-status-mutation.ts';
import { reopenSchema, type ReopenValues } from '../portal.schema.ts';
import { canReopen } from '../portal.utils.ts';

const defaultStatus = (statuses: Status[], category: Status['category']) => statuses.find((status) => status.category === category && status.is_default);

/** A resolved ticket: confirm by closing it, or reopen it with a reason while the organization's window lasts. */
export function ResolvedActions({ ticket, statuses }: { ticket: PortalTicket; statuses: Status[] }) {
  const { org } = useCurrentOrg();
  const [reopening, setReopening] = useState(false);
  const change = useTicketStatusMutation();
  const reopenable = canReopen(ticket, org.reopen_window_days);
  const close = () => {
    const closed = defaultStatus(statuses, 'closed');
    if (closed) change.mutate({ ticketId: ticket.id, statusId: closed.id, action: 'close' }, { onSuccess: () => toast.success('Ticket closed. Thank you!') });
  };
  return (
    <Alert tone="success" title="We marked this ticket as resolved">
      <p>
        Resolved {ticket.resolved_at && formatDateTime(ticket.resolved_at)}.{' '}
        {reopenable ? `If the problem is not solved, you can reopen it within ${org.reopen_window_days} days.`
          : 'It can no longer be reopened: raise a new ticket if you need more help.'}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" onClick={close} disabled={change.isPending}>Close ticket</Button>
        {reopenable && <Button size="sm" variant="secondary" onClick={() => setReopening(true)}>Reopen</Button>}
      </div>
      <ReopenDialog open={reopening} ticket={ticket} statuses={statuses} onClose={() => setReopening(false)} />
    </Alert>
  );
}

function ReopenDialog({ open, ticket, statuses, onClose }: { open: boolean; ticket: PortalTicket; statuses: Status[]; onClose: () => void }) {
  const change = useTicketStatusMutation();
  const { register, handleSubmit, formState, reset } = useForm<ReopenValues>({ resolver: zodResolver(reopenSchema), defaultValues: { reason: '' } });
  const onSubmit = handleSubmit(async ({ reason }) => {
    const open = defaultStatus(statuses, 'open');
    if (!open) return;
    await change.mutateAsync({ ticketId: ticket.id, statusId: open.id, action: 'reopen', reason }).then(() => {
      toast.success('Ticket reopened');
      reset();
      onClose();
    }, () => undefined);
  });
  return (
    <Dialog open={open} title={`Reopen ${ticket.number}`} description="Tell us what is still wrong; the team will pick it up again." onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextArea label="Reason for reopening" rows={4} maxLength={1000} error={formState.errors.reason?.message} {...register('reason')} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? 'Reopening…' : 'Reopen ticket'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
