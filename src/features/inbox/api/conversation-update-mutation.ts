import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, toAppError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { TablesUpdate } from '../../../types/database.ts';
import { inboxKeys } from './keys.ts';

export type ConversationChanges = Pick<TablesUpdate<'conversations'>, 'status' | 'snoozed_until' | 'assignee_id' | 'team_id' | 'priority'>;

/** Assigns, snoozes, resolves or reopens a conversation (conversations.reply); the database checks the rest. */
export async function updateConversation({ conversationId, changes }: { conversationId: string; changes: ConversationChanges }) {
  const { data, error } = await supabase.from('conversations').update(changes).eq('id', conversationId).select('id').maybeSingle();
  if (error) throw toAppError(error);
  if (!data) throw new AppError('You cannot change this conversation.');
  return data;
}

export function useUpdateConversationMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateConversation,
    onSuccess: (_data, { conversationId }) => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations(orgId) });
    },
  });
}
