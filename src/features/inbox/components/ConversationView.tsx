import { useEffect, useRef } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { useConversationQuery } from '../api/conversation-query.ts';
import { useConversationLive } from '../api/inbox-realtime.ts';
import { useMarkReadMutation } from '../api/mark-read-mutation.ts';
import { useMessagesQuery } from '../api/messages-query.ts';
import { Composer } from './Composer.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { MessageThread } from './MessageThread.tsx';
import type { ComposerMode } from './use-inbox-shortcuts.ts';
import { VisitorPanel } from './VisitorPanel.tsx';

interface ConversationViewProps {
  conversationId: string;
  /** Set by the r / n shortcuts: focus the composer in that mode. */
  composerRequest: { mode: ComposerMode; at: number } | null;
  /** Changed by the e shortcut: resolve the conversation. */
  resolveRequest: number;
}

/** One conversation: actions, the thread with typing and receipts, the composer, and who the visitor is. */
export function ConversationView({ conversationId, composerRequest, resolveRequest }: ConversationViewProps) {
  const { org } = useCurrentOrg();
  const canReply = useCan('conversations.reply');
  const conversation = useConversationQuery(conversationId);
  const messages = useMessagesQuery(conversationId);
  const markRead = useMarkReadMutation(org.id);
  const { mutate: markReadNow } = markRead;
  const { visitorTyping, announceTyping } = useConversationLive(conversationId, () => markReadNow(conversationId));
  const unread = conversation.data?.agent_unread_count ?? 0;
  const markedOnce = useRef(false);

  useEffect(() => {
    if (!conversation.data || (markedOnce.current && !unread)) return;
    markedOnce.current = true;
    markReadNow(conversationId);
  }, [conversation.data, unread, conversationId, markReadNow]);

  if (conversation.isPending) return <Spinner label="Loading the conversation" />;
  if (conversation.isError || !conversation.data) {
    return (
      <div className="m-auto max-w-md p-6">
        <Alert title="This conversation could not be opened">
          {conversation.error ? toAppError(conversation.error).message : 'It does not exist, or you can no longer see it.'}
        </Alert>
      </div>
    );
  }
  const detail = conversation.data;
  return (
    <>
      <section aria-label={`Conversation with ${detail.contact.name || detail.contact.email || 'visitor'}`} className="flex min-w-0 flex-1 flex-col bg-slate-50 dark:bg-slate-950">
        <ConversationHeader conversation={detail} resolveRequest={resolveRequest} />
        <MessageThread query={messages} visitorTyping={visitorTyping} />
        {canReply && <Composer conversationId={conversationId} request={composerRequest} onTyping={announceTyping} />}
      </section>
      <VisitorPanel conversation={detail} />
    </>
  );
}
