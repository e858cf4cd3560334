import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { inboxKeys } from './keys.ts';

/** Shared saved replies and the agent's own, by title. */
export async function fetchSavedReplies(orgId: string, signal: AbortSignal) {
  return unwrap(await supabase.from('saved_replies').select('id, title, body, owner_id').eq('org_id', orgId).order('title').abortSignal(signal));
}

export function useSavedRepliesQuery(orgId: string, enabled: boolean) {
  return useQuery({ queryKey: inboxKeys.savedReplies(orgId), queryFn: ({ signal }) => fetchSavedReplies(orgId, signal), enabled });
}

/** A saved reply with its {{variables}} filled in for the conversation's contact, agent and organization. */
export async function renderSavedReply(savedReplyId: string, conversationId: string): Promise<string> {
  return unwrap(await supabase.rpc('render_saved_reply_for_conversation', { saved_reply_id: savedReplyId, conversation_id: conversationId }));
}
