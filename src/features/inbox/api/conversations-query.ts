import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { ConversationFilters } from '../inbox.utils.ts';
import { inboxKeys } from './keys.ts';

const LIST_FIELDS =
  'id, status, snoozed_until, assignee_id, team_id, priority, labels, last_message_at, agent_unread_count, created_at, ticket_id, contact:contacts!inner(id, name, email, external_id), last:messages(content, sender_type, is_private, created_at, attachments)';

/** The newest 100 conversations matching the inbox filters, each with its contact and latest message. */
export async function fetchConversations(orgId: string, filters: ConversationFilters, userId: string, signal: AbortSignal) {
  let query = supabase
    .from('conversations')
    .select(LIST_FIELDS)
    .eq('org_id', orgId)
    .eq('status', filters.status)
    .order('last_message_at', { ascending: false, nullsFirst: false })
    .order('created_at', { ascending: false })
    .order('created_at', { referencedTable: 'last', ascending: false })
    .limit(1, { referencedTable: 'last' })
    .limit(100);
  if (filters.scope === 'mine') query = query.eq('assignee_id', userId);
  if (filters.scope === 'unassigned') query = query.is('assignee_id', null);
  if (filters.scope === 'team') query = filters.teamId ? query.eq('team_id', filters.teamId) : query.not('team_id', 'is', null);
  return unwrap(await query.abortSignal(signal));
}

export type ConversationSummary = Awaited<ReturnType<typeof fetchConversations>>[number];

export function useConversationsQuery(orgId: string, filters: ConversationFilters, userId: string) {
  return useQuery({
    queryKey: inboxKeys.list(orgId, filters),
    queryFn: ({ signal }) => fetchConversations(orgId, filters, userId, signal),
    placeholderData: keepPreviousData,
  });
}

/** Open conversations with unread visitor messages, counted per list (all, mine, unassigned). */
export async function fetchUnreadCounts(orgId: string, userId: string, signal: AbortSignal) {
  const rows = unwrap(
    await supabase.from('conversations').select('assignee_id').eq('org_id', orgId).eq('status', 'open').gt('agent_unread_count', 0).limit(1000).abortSignal(signal),
  );
  return {
    all: rows.length,
    mine: rows.filter((row) => row.assignee_id === userId).length,
    unassigned: rows.filter((row) => row.assignee_id === null).length,
  };
}

export function useUnreadCountsQuery(orgId: string, userId: string) {
  return useQuery({ queryKey: inboxKeys.unread(orgId), queryFn: ({ signal }) => fetchUnreadCounts(orgId, userId, signal) });
}
