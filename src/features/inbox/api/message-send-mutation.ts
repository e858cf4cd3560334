import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { uploadChatAttachment } from './attachment-upload.ts';
import { inboxKeys } from './keys.ts';
import { upsertCachedMessage } from './messages-query.ts';

export interface NewMessage {
  orgId: string;
  conversationId: string;
  content: string;
  isPrivate: boolean;
  /** Chosen once per send, so that a retried request is stored only once. */
  clientMessageId: string;
  files: File[];
}

/** Sends an agent reply (visible to the visitor) or a private note (staff only), files uploaded first. */
export async function sendMessage({ orgId, conversationId, content, isPrivate, clientMessageId, files }: NewMessage) {
  const attachments = await Promise.all(files.map((file) => uploadChatAttachment(orgId, conversationId, file)));
  return unwrap(
    await supabase
      .from('messages')
      .insert({ conversation_id: conversationId, sender_type: 'agent', content, is_private: isPrivate, client_message_id: clientMessageId, attachments })
      .select()
      .single(),
  );
}

export function useSendMessageMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendMessage,
    onSuccess: (message) => {
      upsertCachedMessage(queryClient, message);
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(message.conversation_id) });
    },
  });
}
