import { MessageSquareText, Plus } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { useSavedRepliesQuery, type SavedReply } from '../api/saved-replies-query.ts';
import { matchesSearch } from '../saved-replies.utils.ts';
import { DeleteSavedReplyDialog } from './DeleteSavedReplyDialog.tsx';
import { SavedReplyDialog } from './SavedReplyDialog.tsx';
import { SavedReplyList } from './SavedReplyList.tsx';

/**
 * Saved replies (tickets.manage): everyone's shared ones, editable with replies.manage, and the
 * caller's personal ones. `agentName` fills {{agent.name}} in the preview.
 */
export function SavedRepliesPage({ agentName }: { agentName: string }) {
  const { org } = useCurrentOrg();
  const canShare = useCan('replies.manage');
  const replies = useSavedRepliesQuery(org.id);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const loadError = replies.error && toAppError(replies.error);
  const found = (replies.data ?? []).filter((reply) => matchesSearch(reply, search));
  const newReply = (
    <Button onClick={() => setEditing('new')}>
      <Plus aria-hidden className="h-4 w-4" />
      New reply
    </Button>
  );
  const listProps = { search, onEdit: setEditing, onDelete: setDeleting };

  return (
    <>
      <PageHeader
        title="Saved replies"
        description="Answers agents insert from the reply box, with the customer’s name and the ticket’s details filled in."
        actions={!!replies.data?.length && newReply}
      />
      {replies.isPending && <SkeletonRows rows={3} label="saved replies" />}
      {loadError && (
        <Alert title="The saved replies could not be loaded">
          {loadError.message} {loadError.hint}
        </Alert>
      )}
      {replies.data?.length === 0 && (
        <EmptyState icon={MessageSquareText} title="No saved replies yet" titleAs="h2" action={newReply}>
          Write the answers your team gives most often once. Variables such as {'{{customer.name}}'} are filled in for each ticket.
        </EmptyState>
      )}
      {!!replies.data?.length && (
        <div className="space-y-8">
          <TextField
            label="Search saved replies"
            type="search"
            className="max-w-md"
            placeholder="Title or text"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <SavedReplyList
            title="Shared replies"
            description={canShare ? 'Every agent can insert them; you can change them.' : 'Every agent can insert them; people who manage saved replies change them.'}
            empty={{ none: 'No shared replies yet.', noMatch: (text) => `No shared reply matches “${text}”.` }}
            replies={found.filter((reply) => reply.ownerId === null)}
            editable={canShare}
            {...listProps}
          />
          <SavedReplyList
            title="Your personal replies"
            description="Only you see and insert them."
            empty={{ none: 'You have no personal replies yet.', noMatch: (text) => `None of your personal replies matches “${text}”.` }}
            replies={found.filter((reply) => reply.ownerId !== null)}
            editable
            {...listProps}
          />
        </div>
      )}
      {editing && <SavedReplyDialog reply={editing === 'new' ? null : editing} agentName={agentName} onClose={() => setEditing(null)} />}
      {deleting && <DeleteSavedReplyDialog reply={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
