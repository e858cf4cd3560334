import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useMergeTicketsMutation } from '../api/ticket-mutations.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { TicketPicker, type PickedTicket } from './TicketPicker.tsx';

/** Merges this ticket into another one (this one closes and points there), after a confirmation step. */
export function MergeDialog({ open, ticket, onClose }: { open: boolean; ticket: Ticket; onClose: () => void }) {
  const { org } = useCurrentOrg();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<PickedTicket | null>(null);
  const [confirming, setConfirming] = useState(false);
  const merge = useMergeTicketsMutation(ticket);
  const close = () => {
    setPicked(null);
    setConfirming(false);
    onClose();
  };
  const confirm = () => {
    if (!picked) return;
    merge.mutate(picked.id, {
      onSuccess: () => {
        close();
        navigate(`/o/${org.slug}/tickets/${picked.number}`);
      },
    });
  };
  return (
    <Dialog open={open} title={`Merge ${ticket.number} into another ticket`} description="Its replies, notes and files move to the ticket you choose; its requester follows that ticket and is told where the conversation continues." onClose={close}>
      {confirming && picked ? (
        <div className="space-y-4">
          <Alert tone="warning" title="Merging cannot be undone">
            {ticket.number} will be closed and its conversation moved into {picked.number} ({picked.subject}).
          </Alert>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Back
            </Button>
            <Button variant="danger" disabled={merge.isPending} onClick={confirm}>
              Merge into {picked.number}
            </Button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <TicketPicker excludeId={ticket.id} picked={picked} onPick={setPicked} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button disabled={!picked} onClick={() => setConfirming(true)}>
              Continue
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
