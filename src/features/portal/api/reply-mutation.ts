import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { portalKeys } from './keys.ts';
import { attachAfterSaving } from './upload-attachments.ts';

interface ReplyInput {
  orgId: string;
  ticketId: string;
  body: string;
  files: File[];
  onProgress: (index: number, fraction: number) => void;
}

/** Adds a public reply from the requester, then attaches its files to it (a refused file is reported, the reply stays). */
export async function sendReply({ orgId, ticketId, body, files, onProgress }: ReplyInput) {
  const comment = unwrap(await supabase.from('ticket_comments').insert({ ticket_id: ticketId, body }).select('id').single());
  return { ...comment, uploadError: await attachAfterSaving({ orgId, ticketId, commentId: comment.id }, files, onProgress) };
}

export function useSendReplyMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendReply,
    meta: { successMessage: 'Reply sent' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.all }),
  });
}
