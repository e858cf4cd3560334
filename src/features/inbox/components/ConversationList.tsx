import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { Keyboard, MessagesSquare } from 'lucide-react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUserId } from '../../../hooks/use-session.ts';
import { toAppError } from '../../../lib/errors.ts';
import { useTeamsQuery } from '../api/chat-staff-query.ts';
import { loadedConversations, useUnreadCountsQuery, type ConversationPages } from '../api/conversations-query.ts';
import { SCOPES, STATUSES, type ConversationFilters, type Scope } from '../inbox.utils.ts';
import { ConversationListItem } from './ConversationListItem.tsx';

interface ConversationListProps {
  filters: ConversationFilters;
  onFiltersChange: (changes: Partial<ConversationFilters>) => void;
  query: UseInfiniteQueryResult<ConversationPages>;
  openId: string | null;
  onHelp: () => void;
}

/** Filters (whose, which status, team) and the matching conversations, newest activity first. */
export function ConversationList({ filters, onFiltersChange, query, openId, onHelp }: ConversationListProps) {
  const { org } = useCurrentOrg();
  const userId = useUserId();
  const unread = useUnreadCountsQuery(org.id, userId).data;
  const teams = useTeamsQuery(org.id).data ?? [];
  const unreadFor = (scope: Scope) => (scope === 'team' ? 0 : (unread?.[scope] ?? 0));

  return (
    <section aria-labelledby="inbox-title" className="flex w-full max-w-xs shrink-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="space-y-3 border-b border-slate-200 p-3 dark:border-slate-800">
        <div className="flex items-center justify-between">
          <h1 id="inbox-title" className="text-lg font-semibold text-slate-900 dark:text-slate-50">
            Inbox
          </h1>
          <Button variant="ghost" size="sm" onClick={onHelp} aria-label="Keyboard shortcuts">
            <Keyboard aria-hidden className="h-4 w-4" />
          </Button>
        </div>
        <div role="group" aria-label="Whose conversations" className="grid grid-cols-4 gap-1 rounded-md bg-slate-100 p-1 dark:bg-slate-800">
          {SCOPES.map((scope) => (
            <button
              key={scope.value}
              type="button"
              aria-pressed={filters.scope === scope.value}
              onClick={() => onFiltersChange({ scope: scope.value, teamId: scope.value === 'team' ? (filters.teamId ?? teams[0]?.id) : undefined })}
              className={`flex items-center justify-center gap-1 rounded px-1.5 py-1 text-xs font-medium ${
                filters.scope === scope.value ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white' : 'text-slate-700 hover:text-slate-900 dark:text-slate-300'
              }`}
            >
              {scope.label}
              {unreadFor(scope.value) > 0 && (
                <span className="rounded-full bg-brand-600 px-1.5 text-[10px] leading-4 text-white">
                  {unreadFor(scope.value)}
                  <span className="sr-only"> unread</span>
                </span>
              )}
            </button>
          ))}
        </div>
        <div className="flex gap-2">
          <SelectField label="Status" hideLabel className="flex-1" value={filters.status} onChange={(event) => onFiltersChange({ status: event.target.value as ConversationFilters['status'] })}>
            {STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </SelectField>
          {filters.scope === 'team' && (
            <SelectField label="Team" hideLabel className="flex-1" value={filters.teamId ?? ''} onChange={(event) => onFiltersChange({ teamId: event.target.value || undefined })}>
              <option value="">Any team</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </SelectField>
          )}
        </div>
      </div>
      <div className="flex-1 overflow-y-auto">
        <ConversationListBody query={query} openId={openId} />
      </div>
    </section>
  );
}

function ConversationListBody({ query, openId }: { query: UseInfiniteQueryResult<ConversationPages>; openId: string | null }) {
  if (query.isPending) {
    return (
      <div className="p-3">
        <SkeletonRows rows={6} label="conversations" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="p-3">
        <Alert title="The conversations could not be loaded">{toAppError(query.error).message}</Alert>
      </div>
    );
  }
  const conversations = loadedConversations(query.data);
  if (!conversations.length) {
    return (
      <div className="p-3">
        <EmptyState icon={MessagesSquare} title="No conversations here">
          New chats from your website appear here as they start.
        </EmptyState>
      </div>
    );
  }
  return (
    <>
      <ul aria-label="Conversations" className="divide-y divide-slate-100 dark:divide-slate-800">
        {conversations.map((conversation) => (
          <ConversationListItem key={conversation.id} conversation={conversation} open={conversation.id === openId} />
        ))}
      </ul>
      {query.hasNextPage && (
        <div className="flex justify-center p-3">
          <Button variant="secondary" size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading more…' : 'Load more conversations'}
          </Button>
        </div>
      )}
    </>
  );
}
