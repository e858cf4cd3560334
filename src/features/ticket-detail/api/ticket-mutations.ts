import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { TablesUpdate } from '../../../types/database.ts';
import type { Ticket } from './ticket-query.ts';

export type TicketPatch = Pick<
  TablesUpdate<'tickets'>,
  'subject' | 'priority' | 'category' | 'tags' | 'custom_fields' | 'assignee_id' | 'team_id' | 'status_id' | 'resolution' | 'reopen_reason'
>;

/** Refetches the ticket and everything that hangs off it (after our own change or someone else's). */
export function refreshTicket(queryClient: QueryClient, ticket: Pick<Ticket, 'id' | 'org_id'>) {
  void queryClient.invalidateQueries({ queryKey: ['ticket-detail', ticket.org_id, 'ticket'] });
  void queryClient.invalidateQueries({ queryKey: ['ticket-detail', 'ticket', ticket.id] });
}

/** Changes fields of a ticket; the database applies the lifecycle and permission rules and explains refusals. */
export async function updateTicket(ticketId: string, patch: TicketPatch): Promise<Ticket> {
  const rows = unwrap(await supabase.from('tickets').update(patch).eq('id', ticketId).select('*'));
  if (!rows.length) throw new AppError('You cannot change this ticket.');
  return rows[0];
}

export function useUpdateTicketMutation(ticket: Pick<Ticket, 'id' | 'org_id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: TicketPatch) => updateTicket(ticket.id, patch),
    onSettled: () => refreshTicket(queryClient, ticket),
  });
}

export interface NewComment {
  body: string;
  isInternal: boolean;
  /** ISO time for "send later"; null sends now. */
  scheduledAt: string | null;
}

export async function addComment(ticketId: string, comment: NewComment): Promise<{ id: string }> {
  return unwrap(
    await supabase
      .from('ticket_comments')
      .insert({ ticket_id: ticketId, body: comment.body, is_internal: comment.isInternal, scheduled_at: comment.scheduledAt })
      .select('id')
      .single(),
  );
}

/** Autosaves the caller's draft (one per ticket and user); an empty draft is deleted. */
export async function saveDraft(ticketId: string, body: string, isInternal: boolean): Promise<void> {
  if (!body.trim()) {
    unwrap(await supabase.from('ticket_drafts').delete().eq('ticket_id', ticketId));
    return;
  }
  unwrap(await supabase.from('ticket_drafts').upsert({ ticket_id: ticketId, body, is_internal: isInternal }, { onConflict: 'ticket_id,user_id' }));
}

export function useMergeTicketsMutation(ticket: Pick<Ticket, 'id' | 'org_id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (targetId: string) => unwrap(await supabase.rpc('merge_tickets', { source_id: ticket.id, target_id: targetId })),
    meta: { successMessage: 'Tickets merged' },
    onSettled: () => refreshTicket(queryClient, ticket),
  });
}

export function useSplitTicketMutation(ticket: Pick<Ticket, 'id' | 'org_id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ commentIds, subject }: { commentIds: string[]; subject: string }) =>
      unwrap(await supabase.rpc('split_ticket', { ticket_id: ticket.id, comment_ids: commentIds, subject })),
    onSettled: () => refreshTicket(queryClient, ticket),
  });
}

export type LinkKind = 'related' | 'duplicate_of' | 'caused_by';

export function useAddLinkMutation(ticket: Pick<Ticket, 'id' | 'org_id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ otherId, kind }: { otherId: string; kind: LinkKind }) =>
      unwrap(await supabase.from('ticket_links').insert({ ticket_id: ticket.id, linked_ticket_id: otherId, kind }).select('id').single()),
    meta: { successMessage: 'Tickets linked' },
    onSettled: () => refreshTicket(queryClient, ticket),
  });
}

export function useRemoveLinkMutation(ticket: Pick<Ticket, 'id' | 'org_id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (linkId: string) => {
      const removed = unwrap(await supabase.from('ticket_links').delete().eq('id', linkId).select('id'));
      if (!removed.length) throw new AppError('You cannot remove this link.');
    },
    meta: { successMessage: 'Link removed' },
    onSettled: () => refreshTicket(queryClient, ticket),
  });
}
