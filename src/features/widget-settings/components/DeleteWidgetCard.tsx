import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useDeleteWidgetMutation } from '../api/widget-mutations.ts';
import type { Widget } from '../api/widgets-query.ts';

export function DeleteWidgetCard({ widget, onDeleted }: { widget: Widget; onDeleted: () => void }) {
  const { org } = useCurrentOrg();
  const remove = useDeleteWidgetMutation(org.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <Card title="Delete this widget" description="The chat disappears from every site using this snippet. Past conversations stay in the inbox.">
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete widget
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${widget.name}?`}
        confirmLabel="Delete widget"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(widget.id, { onSuccess: () => (setConfirming(false), onDeleted()) })}
        onClose={() => setConfirming(false)}
      >
        Visitors on your sites will no longer see the chat. This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
