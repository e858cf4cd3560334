import { MessageSquareText } from 'lucide-react';
import { toast } from 'sonner';
import { Menu, type MenuEntry } from '../../../components/ui/Menu.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { renderSavedReply, useSavedRepliesQuery } from '../api/saved-replies-query.ts';

/** Inserts a saved reply, its {{variables}} filled in by the database for this conversation. */
export function SavedReplyPicker({ conversationId, onPick }: { conversationId: string; onPick: (body: string) => void }) {
  const { org } = useCurrentOrg();
  const canUse = useCan('tickets.manage');
  const replies = useSavedRepliesQuery(org.id, canUse);
  if (!canUse) return null;

  const pick = async (id: string) => {
    try {
      onPick(await renderSavedReply(id, conversationId));
    } catch (error) {
      toast.error(toAppError(error).message);
    }
  };
  const entries: MenuEntry[] = replies.data?.length
    ? replies.data.map((reply): MenuEntry => ({ kind: 'action', label: reply.title, onSelect: () => void pick(reply.id) }))
    : [{ kind: 'note', label: replies.isPending ? 'Loading saved replies…' : 'No saved replies yet.' }];
  return (
    <Menu
      triggerLabel="Insert a saved reply"
      entries={entries}
      triggerClassName="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      trigger={
        <>
          <MessageSquareText aria-hidden className="h-4 w-4" /> Saved replies
        </>
      }
    />
  );
}
