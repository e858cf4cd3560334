import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { inboxKeys } from './keys.ts';

/** Turns a conversation into a ticket (or returns the one it already became): {id, number}. */
export async function convertToTicket(conversationId: string) {
  const ticket = unwrap(await supabase.rpc('convert_conversation_to_ticket', { conversation_id: conversationId }).select('id, number').maybeSingle());
  if (!ticket) throw new AppError('The ticket was created, but you cannot see it.');
  return ticket;
}

export function useConvertToTicketMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: convertToTicket,
    meta: { successMessage: 'Ticket created from this conversation' },
    onSuccess: (_ticket, conversationId) => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.messages(conversationId) });
    },
  });
}
