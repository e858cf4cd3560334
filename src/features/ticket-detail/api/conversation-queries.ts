import { useQuery } from '@tanstack/react-query';
import { toAppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Tables } from '../../../types/database.ts';
import { quoteFilterValue } from '../ticket-detail.utils.ts';
import { ticketDetailKeys } from './keys.ts';
import { unwrapMaybe } from './unwrap-maybe.ts';

export type Attachment = Pick<Tables<'ticket_attachments'>, 'id' | 'comment_id' | 'file_name' | 'content_type' | 'size_bytes' | 'storage_path'>;
export type Comment = Pick<Tables<'ticket_comments'>, 'id' | 'body' | 'is_internal' | 'author_id' | 'scheduled_at' | 'published_at' | 'edited_at' | 'created_at'> & {
  attachments: Attachment[];
};

export interface Conversation {
  comments: Comment[];
  /** Files attached to the ticket itself rather than to a comment. */
  ticketFiles: Attachment[];
}

const ATTACHMENT_COLUMNS = 'id, comment_id, file_name, content_type, size_bytes, storage_path';

/** Replies and notes the caller may read (RLS hides notes from requesters), oldest first, with their files. */
export async function fetchConversation(ticketId: string, signal: AbortSignal): Promise<Conversation> {
  const [comments, files] = await Promise.all([
    supabase
      .from('ticket_comments')
      .select(`id, body, is_internal, author_id, scheduled_at, published_at, edited_at, created_at, attachments:ticket_attachments(${ATTACHMENT_COLUMNS})`)
      .eq('ticket_id', ticketId)
      .order('created_at')
      .abortSignal(signal),
    supabase.from('ticket_attachments').select(ATTACHMENT_COLUMNS).eq('ticket_id', ticketId).is('comment_id', null).order('created_at').abortSignal(signal),
  ]);
  return { comments: unwrap(comments), ticketFiles: unwrap(files) };
}

export function useConversationQuery(ticketId: string) {
  return useQuery({ queryKey: ticketDetailKeys.comments(ticketId), queryFn: ({ signal }) => fetchConversation(ticketId, signal) });
}

export type TicketEvent = Tables<'ticket_events'>;

/** The newest 200 timeline entries the caller may read. */
export function useTicketEventsQuery(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: ticketDetailKeys.events(ticketId),
    queryFn: async ({ signal }): Promise<TicketEvent[]> =>
      unwrap(await supabase.from('ticket_events').select('*').eq('ticket_id', ticketId).order('id', { ascending: false }).limit(200).abortSignal(signal)),
    enabled,
  });
}

export interface LinkedTicket {
  linkId: string;
  kind: Tables<'ticket_links'>['kind'];
  /** Whether this ticket is the link's subject ("this duplicate_of other"). */
  outgoing: boolean;
  other: Pick<Tables<'tickets'>, 'id' | 'number' | 'subject' | 'status_category'>;
}

const LINKED = 'id, number, subject, status_category';

export async function fetchLinks(ticketId: string, signal: AbortSignal): Promise<LinkedTicket[]> {
  const rows = unwrap(
    await supabase
      .from('ticket_links')
      .select(`id, kind, ticket_id, source:tickets!ticket_links_ticket_id_fkey(${LINKED}), target:tickets!ticket_links_linked_ticket_id_fkey(${LINKED})`)
      .or(`ticket_id.eq.${ticketId},linked_ticket_id.eq.${ticketId}`)
      .order('created_at')
      .abortSignal(signal),
  );
  return rows.map((row) => {
    const outgoing = row.ticket_id === ticketId;
    return { linkId: row.id, kind: row.kind, outgoing, other: outgoing ? row.target : row.source };
  });
}

export function useLinksQuery(ticketId: string) {
  return useQuery({ queryKey: ticketDetailKeys.links(ticketId), queryFn: ({ signal }) => fetchLinks(ticketId, signal) });
}

export type Draft = Pick<Tables<'ticket_drafts'>, 'body' | 'is_internal' | 'updated_at'>;

/** The caller's own autosaved draft on the ticket (drafts are private to their user). */
export function useDraftQuery(ticketId: string) {
  return useQuery({
    queryKey: ticketDetailKeys.draft(ticketId),
    queryFn: async ({ signal }): Promise<Draft | null> =>
      unwrapMaybe(await supabase.from('ticket_drafts').select('body, is_internal, updated_at').eq('ticket_id', ticketId).abortSignal(signal).maybeSingle()),
    // Restored once on load; later saves come from this page itself.
    staleTime: Infinity,
  });
}

/** A short-lived download link that saves under the file's display name. */
export async function attachmentUrl(file: Attachment): Promise<string> {
  const result = await supabase.storage.from('ticket-attachments').createSignedUrl(file.storage_path, 60, { download: file.file_name });
  if (result.error) throw toAppError(result.error);
  return result.data.signedUrl;
}

/** Tickets of the organization matching a number or subject fragment (for merge and link pickers). */
export async function searchTickets(orgId: string, text: string, excludeId: string, signal: AbortSignal) {
  const pattern = quoteFilterValue(`%${text.trim()}%`);
  return unwrap(
    await supabase
      .from('tickets')
      .select(LINKED)
      .eq('org_id', orgId)
      .neq('id', excludeId)
      .or(`number.ilike.${pattern},subject.ilike.${pattern}`)
      .order('created_at', { ascending: false })
      .limit(8)
      .abortSignal(signal),
  );
}
