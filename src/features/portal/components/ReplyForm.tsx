import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { useSendReplyMutation } from '../api/reply-mutation.ts';
import { replySchema, type ReplyValues } from '../portal.schema.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { useAttachments } from './use-attachments.ts';

/** A public reply from the requester, with files. */
export function ReplyForm({ orgId, ticketId }: { orgId: string; ticketId: string }) {
  const send = useSendReplyMutation();
  const attachments = useAttachments();
  const { register, handleSubmit, formState, reset } = useForm<ReplyValues>({ resolver: zodResolver(replySchema), defaultValues: { body: '' } });
  const onSubmit = handleSubmit(async ({ body }) => {
    attachments.start();
    await send.mutateAsync({ orgId, ticketId, body, files: attachments.files, onProgress: attachments.onProgress }).then(
      (reply) => {
        attachments.finish(true);
        reset();
        if (reply.uploadError) toast.error(reply.uploadError, { description: 'Your reply was sent without it.' });
      },
      () => attachments.finish(false),
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <TextArea label="Your reply" rows={4} maxLength={20000} error={formState.errors.body?.message} {...register('body')} />
      <AttachmentPicker {...attachments.picker} />
      <div className="flex justify-end">
        <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? 'Sending…' : 'Send reply'}</Button>
      </div>
    </form>
  );
}
