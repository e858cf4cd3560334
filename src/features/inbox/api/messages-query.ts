import { useQuery, type QueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Tables } from '../../../types/database.ts';
import { inboxKeys } from './keys.ts';

export type Message = Tables<'messages'>;

export interface Attachment {
  path: string;
  name: string;
  size?: number;
  mime_type?: string;
}

/** The conversation's messages and private notes, oldest first (the newest 500). */
export async function fetchMessages(conversationId: string, signal: AbortSignal): Promise<Message[]> {
  const rows = unwrap(
    await supabase.from('messages').select('*').eq('conversation_id', conversationId).order('created_at', { ascending: false }).limit(500).abortSignal(signal),
  );
  return rows.reverse();
}

export function useMessagesQuery(conversationId: string) {
  return useQuery({ queryKey: inboxKeys.messages(conversationId), queryFn: ({ signal }) => fetchMessages(conversationId, signal) });
}

/** Adds (or replaces) a message in the cached thread, keeping it in time order without duplicates. */
export function upsertCachedMessage(queryClient: QueryClient, message: Message) {
  queryClient.setQueryData<Message[]>(inboxKeys.messages(message.conversation_id), (thread) => {
    if (!thread) return thread;
    const rest = thread.filter((item) => item.id !== message.id);
    return [...rest, message].sort((a, b) => a.created_at.localeCompare(b.created_at));
  });
}

export function attachmentsOf(message: Pick<Message, 'attachments'>): Attachment[] {
  return Array.isArray(message.attachments) ? (message.attachments as unknown as Attachment[]) : [];
}
