import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { inboxKeys } from './keys.ts';

/** One conversation with everything the agent's side panel shows about its contact. */
export async function fetchConversation(conversationId: string, signal: AbortSignal) {
  return unwrap(
    await supabase
      .from('conversations')
      .select('*, contact:contacts!inner(*), ticket:tickets!conversations_ticket_id_fkey(id, number)')
      .eq('id', conversationId)
      .abortSignal(signal)
      .maybeSingle(),
  );
}

export type ConversationDetail = NonNullable<Awaited<ReturnType<typeof fetchConversation>>>;

export function useConversationQuery(conversationId: string) {
  return useQuery({ queryKey: inboxKeys.conversation(conversationId), queryFn: ({ signal }) => fetchConversation(conversationId, signal) });
}

/** The contact's other conversations, newest first. */
export async function fetchContactHistory(contactId: string, signal: AbortSignal) {
  return unwrap(
    await supabase
      .from('conversations')
      .select('id, status, created_at, last_message_at')
      .eq('contact_id', contactId)
      .order('created_at', { ascending: false })
      .limit(11)
      .abortSignal(signal),
  );
}

export function useContactHistoryQuery(contactId: string) {
  return useQuery({ queryKey: inboxKeys.contactHistory(contactId), queryFn: ({ signal }) => fetchContactHistory(contactId, signal) });
}
