import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { savedReplyKeys } from './keys.ts';

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  /** The agent a personal reply belongs to (always the caller: RLS hides others'); null when shared. */
  ownerId: string | null;
  updatedAt: string;
}

/** The shared replies and the caller's own (RLS: tickets.manage), by title. */
export async function fetchSavedReplies(orgId: string, signal: AbortSignal): Promise<SavedReply[]> {
  const rows = unwrap(await supabase.from('saved_replies').select('id, title, body, owner_id, updated_at').eq('org_id', orgId).order('title').abortSignal(signal));
  return rows.map((row) => ({ id: row.id, title: row.title, body: row.body, ownerId: row.owner_id, updatedAt: row.updated_at }));
}

export function useSavedRepliesQuery(orgId: string) {
  return useQuery({ queryKey: savedReplyKeys.list(orgId), queryFn: ({ signal }) => fetchSavedReplies(orgId, signal) });
}
