import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { inboxKeys } from './keys.ts';

/** Marks the visitor's messages read (read receipts) and clears the agents' unread counter. */
export async function markConversationRead(conversationId: string) {
  return unwrap(await supabase.rpc('mark_conversation_read', { conversation_id: conversationId }));
}

export function useMarkReadMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markConversationRead,
    meta: { silentError: true },
    onSuccess: (marked, conversationId) => {
      if (!marked) return;
      void queryClient.invalidateQueries({ queryKey: inboxKeys.messages(conversationId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations(orgId) });
    },
  });
}
