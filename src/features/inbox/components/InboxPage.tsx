import { Inbox as InboxIcon } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ShortcutsDialog } from '../../../components/ui/ShortcutsDialog.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUserId } from '../../../hooks/use-session.ts';
import { loadedConversations, useConversationsQuery } from '../api/conversations-query.ts';
import { useAgentsLive, useInboxLive } from '../api/inbox-realtime.ts';
import { filtersFromSearch, neighbourId, type ConversationFilters } from '../inbox.utils.ts';
import { ConversationList } from './ConversationList.tsx';
import { ConversationView } from './ConversationView.tsx';
import { INBOX_SHORTCUTS, useInboxShortcuts, type ComposerMode } from './use-inbox-shortcuts.ts';

/**
 * The agents' chat inbox: filtered conversation list, the open conversation and its visitor. Filters
 * and the open conversation live in the URL (?scope=&status=&team=&conversation=), so views can be shared.
 */
export function InboxPage() {
  const { org } = useCurrentOrg();
  const userId = useUserId();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const openId = search.get('conversation');
  const conversations = useConversationsQuery(org.id, filters, userId);
  const [helpOpen, setHelpOpen] = useState(false);
  const [composerRequest, setComposerRequest] = useState<{ mode: ComposerMode; at: number } | null>(null);
  const [resolveRequest, setResolveRequest] = useState(0);
  useInboxLive(org.id);
  useAgentsLive(org.id);

  const open = useCallback(
    (conversationId: string | null) =>
      setSearch((current) => {
        const next = new URLSearchParams(current);
        if (conversationId) next.set('conversation', conversationId);
        else next.delete('conversation');
        return next;
      }),
    [setSearch],
  );

  const changeFilters = (changes: Partial<ConversationFilters>) =>
    setSearch((current) => {
      const next = { ...filtersFromSearch(current), ...changes };
      const params = new URLSearchParams({ scope: next.scope, status: next.status });
      if (next.scope === 'team' && next.teamId) params.set('team', next.teamId);
      const conversation = current.get('conversation');
      if (conversation) params.set('conversation', conversation);
      return params;
    });

  const ids = loadedConversations(conversations.data).map((conversation) => conversation.id);
  useInboxShortcuts({
    next: () => open(neighbourId(ids, openId, 1)),
    previous: () => open(neighbourId(ids, openId, -1)),
    compose: (mode) => openId && setComposerRequest({ mode, at: Date.now() }),
    resolve: () => openId && setResolveRequest(Date.now()),
    help: () => setHelpOpen(true),
  });

  return (
    <div className="flex h-full min-h-[32rem]">
      <ConversationList filters={filters} onFiltersChange={changeFilters} query={conversations} openId={openId} onHelp={() => setHelpOpen(true)} />
      <div className="flex min-w-0 flex-1">
        {openId ? (
          <ConversationView key={openId} conversationId={openId} composerRequest={composerRequest} resolveRequest={resolveRequest} />
        ) : (
          <div className="m-auto w-full max-w-md p-6">
            <EmptyState icon={InboxIcon} title="No conversation open">
              Choose a conversation on the left, or press <kbd className="rounded border px-1 font-mono">j</kbd> to open the first one.
            </EmptyState>
          </div>
        )}
      </div>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={INBOX_SHORTCUTS} />
    </div>
  );
}
