import { keepPreviousData, useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import { toAppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { afterConversation, type ConversationCursor, type ConversationFilters } from '../inbox.utils.ts';
import { inboxKeys } from './keys.ts';

const LIST_FIELDS =
  'id, status, snoozed_until, assignee_id, team_id, priority, labels, last_message_at, agent_unread_count, created_at, ticket_id, contact:contacts!inner(id, name, email, external_id), last:messages(content, sender_type, is_private, created_at, attachments)';
export const CONVERSATIONS_PAGE_SIZE = 50;

/**
 * One page of the conversations matching the inbox filters, newest activity first, each with its
 * contact and latest message; `after` is the previous page's last row.
 */
export async function fetchConversations(orgId: string, filters: ConversationFilters, userId: string, after: ConversationCursor | null, signal: AbortSignal) {
  let query = supabase
    .from('conversations')
    .select(LIST_FIELDS)
    .eq('org_id', orgId)
    .eq('status', filters.status)
    .order('last_message_at', { ascending: false, nullsFirst: false })
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .order('created_at', { referencedTable: 'last', ascending: false })
    .limit(1, { referencedTable: 'last' })
    .limit(CONVERSATIONS_PAGE_SIZE);
  if (filters.scope === 'mine') query = query.eq('assignee_id', userId);
  if (filters.scope === 'unassigned') query = query.is('assignee_id', null);
  if (filters.scope === 'team') query = filters.teamId ? query.eq('team_id', filters.teamId) : query.not('team_id', 'is', null);
  if (after) query = query.or(afterConversation(after));
  return unwrap(await query.abortSignal(signal));
}

export type ConversationSummary = Awaited<ReturnType<typeof fetchConversations>>[number];
export type ConversationPages = InfiniteData<ConversationSummary[]>;

/** The loaded conversations in list order, each once (a live refetch may shift rows across pages). */
export function loadedConversations(data: ConversationPages | undefined): ConversationSummary[] {
  const byId = new Map<string, ConversationSummary>();
  for (const conversation of data?.pages.flat() ?? []) if (!byId.has(conversation.id)) byId.set(conversation.id, conversation);
  return [...byId.values()];
}

export function useConversationsQuery(orgId: string, filters: ConversationFilters, userId: string) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(orgId, filters),
    queryFn: ({ signal, pageParam }) => fetchConversations(orgId, filters, userId, pageParam, signal),
    initialPageParam: null as ConversationCursor | null,
    getNextPageParam: (page): ConversationCursor | undefined => {
      const last = page.at(-1);
      if (page.length < CONVERSATIONS_PAGE_SIZE || !last) return undefined;
      return { lastMessageAt: last.last_message_at, createdAt: last.created_at, id: last.id };
    },
    placeholderData: keepPreviousData,
  });
}

/** Open conversations with unread visitor messages, counted per list (all, mine, unassigned). */
export async function fetchUnreadCounts(orgId: string, userId: string, signal: AbortSignal) {
  const count = async (scope: 'all' | 'mine' | 'unassigned') => {
    let query = supabase
      .from('conversations')
      .select('id', { count: 'exact', head: true })
      .eq('org_id', orgId)
      .eq('status', 'open')
      .gt('agent_unread_count', 0);
    if (scope === 'mine') query = query.eq('assignee_id', userId);
    if (scope === 'unassigned') query = query.is('assignee_id', null);
    const { count: total, error } = await query.abortSignal(signal);
    if (error) throw toAppError(error);
    return total ?? 0;
  };
  const [all, mine, unassigned] = await Promise.all([count('all'), count('mine'), count('unassigned')]);
  return { all, mine, unassigned };
}

export function useUnreadCountsQuery(orgId: string, userId: string) {
  return useQuery({ queryKey: inboxKeys.unread(orgId), queryFn: ({ signal }) => fetchUnreadCounts(orgId, userId, signal) });
}
