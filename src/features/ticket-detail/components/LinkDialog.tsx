import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { useAddLinkMutation, type LinkKind } from '../api/ticket-mutations.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { TicketPicker, type PickedTicket } from './TicketPicker.tsx';

export const LINK_KIND_LABELS: Record<string, { outgoing: string; incoming: string }> = {
  related: { outgoing: 'Related to', incoming: 'Related to' },
  duplicate_of: { outgoing: 'Duplicate of', incoming: 'Has duplicate' },
  caused_by: { outgoing: 'Caused by', incoming: 'Causes' },
  split_from: { outgoing: 'Split from', incoming: 'Split into' },
};

/** Links this ticket to another one of the organization. */
export function LinkDialog({ open, ticket, onClose }: { open: boolean; ticket: Ticket; onClose: () => void }) {
  const [picked, setPicked] = useState<PickedTicket | null>(null);
  const [kind, setKind] = useState<LinkKind>('related');
  const link = useAddLinkMutation(ticket);
  const close = () => {
    setPicked(null);
    onClose();
  };
  return (
    <Dialog open={open} title={`Link ${ticket.number} to another ticket`} onClose={close}>
      <div className="space-y-4">
        <SelectField label="This ticket is" value={kind} onChange={(event) => setKind(event.target.value as LinkKind)}>
          <option value="related">Related to</option>
          <option value="duplicate_of">Duplicate of</option>
          <option value="caused_by">Caused by</option>
        </SelectField>
        <TicketPicker excludeId={ticket.id} picked={picked} onPick={setPicked} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button disabled={!picked || link.isPending} onClick={() => picked && link.mutate({ otherId: picked.id, kind }, { onSuccess: close })}>
            Link tickets
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
