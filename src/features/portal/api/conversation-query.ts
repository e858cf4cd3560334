import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { portalKeys } from './keys.ts';

/**
 * The replies of a ticket the caller may read, oldest first, with their files. For a customer RLS
 * returns only delivered public replies; internal notes are never requested (is_internal = false),
 * so staff previewing the portal see what the customer sees.
 */
export async function fetchConversation(ticketId: string, signal: AbortSignal) {
  const [comments, files] = await Promise.all([
    supabase.from('ticket_comments').select('id, author_id, body, published_at, created_at')
      .eq('ticket_id', ticketId).eq('is_internal', false).not('published_at', 'is', null)
      .order('published_at').order('id').abortSignal(signal),
    supabase.from('ticket_attachments').select('id, comment_id, storage_path, file_name, size_bytes, content_type, created_at')
      .eq('ticket_id', ticketId).eq('is_internal', false).order('created_at').abortSignal(signal),
  ]);
  return { comments: unwrap(comments), files: unwrap(files) };
}

export type Conversation = Awaited<ReturnType<typeof fetchConversation>>;
export type Attachment = Conversation['files'][number];

export function useConversationQuery(ticketId: string | undefined) {
  return useQuery({
    queryKey: portalKeys.conversation(ticketId ?? ''),
    queryFn: ({ signal }) => fetchConversation(ticketId!, signal),
    enabled: Boolean(ticketId),
  });
}
