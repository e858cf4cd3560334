import { useInfiniteQuery, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { afterDescending, type DescendingKey } from '../../../lib/keyset.ts';
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

export const MESSAGES_PAGE_SIZE = 100;

/** A page of a thread, oldest first; `earlier` is where the page before it starts, if there is one. */
export interface MessagePage {
  messages: Message[];
  earlier: DescendingKey | null;
}
export type MessagePages = InfiniteData<MessagePage>;

/** The conversation's messages and private notes before `before` (the newest ones without it), oldest first. */
export async function fetchMessages(conversationId: string, before: DescendingKey | null, signal: AbortSignal): Promise<MessagePage> {
  let query = supabase
    .from('messages')
    .select('*')
    .eq('conversation_id', conversationId)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(MESSAGES_PAGE_SIZE + 1);
  if (before) query = query.or(afterDescending('created_at', before));
  const rows = unwrap(await query.abortSignal(signal));
  const page = rows.slice(0, MESSAGES_PAGE_SIZE);
  const oldest = page.at(-1);
  return { messages: page.reverse(), earlier: rows.length > MESSAGES_PAGE_SIZE && oldest ? { at: oldest.created_at, id: oldest.id } : null };
}

/** The newest page of a thread, then earlier ones on request (fetchNextPage). */
export function useMessagesQuery(conversationId: string) {
  return useInfiniteQuery({
    queryKey: inboxKeys.messages(conversationId),
    queryFn: ({ signal, pageParam }) => fetchMessages(conversationId, pageParam, signal),
    initialPageParam: null as DescendingKey | null,
    getNextPageParam: (page) => page.earlier ?? undefined,
  });
}

/** The loaded messages of a thread, oldest first. */
export function threadOf(data: MessagePages | undefined): Message[] {
  return data ? [...data.pages].reverse().flatMap((page) => page.messages) : [];
}

const inTimeOrder = (a: Message, b: Message) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);

/** Adds (or replaces) a message in the cached thread, keeping it in time order without duplicates. */
export function upsertCachedMessage(queryClient: QueryClient, message: Message) {
  queryClient.setQueryData<MessagePages>(inboxKeys.messages(message.conversation_id), (thread) => {
    if (!thread) return thread;
    const holder = thread.pages.findIndex((page) => page.messages.some((item) => item.id === message.id));
    const target = holder === -1 ? 0 : holder;
    const pages = thread.pages.map((page, index) =>
      index === target ? { ...page, messages: [...page.messages.filter((item) => item.id !== message.id), message].sort(inTimeOrder) } : page,
    );
    return { ...thread, pages };
  });
}

export function attachmentsOf(message: Pick<Message, 'attachments'>): Attachment[] {
  return Array.isArray(message.attachments) ? (message.attachments as unknown as Attachment[]) : [];
}
