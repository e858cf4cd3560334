import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import type { SavedReply } from '../api/saved-replies-query.ts';
import { useDeleteSavedReplyMutation } from '../api/saved-reply-mutations.ts';

/** Asks before deleting a saved reply; what was already sent with it is not touched. */
export function DeleteSavedReplyDialog({ reply, onClose }: { reply: SavedReply; onClose: () => void }) {
  const { org } = useCurrentOrg();
  const remove = useDeleteSavedReplyMutation(org.id);
  return (
    <ConfirmDialog
      open
      title={`Delete “${reply.title}”?`}
      confirmLabel={remove.isPending ? 'Deleting…' : 'Delete reply'}
      busy={remove.isPending}
      onClose={onClose}
      onConfirm={() => remove.mutate(reply.id, { onSuccess: onClose })}
    >
      {reply.ownerId === null ? 'No agent can insert it any more.' : 'You can no longer insert it.'} Messages already sent with it keep their text. This cannot be
      undone.
    </ConfirmDialog>
  );
}
