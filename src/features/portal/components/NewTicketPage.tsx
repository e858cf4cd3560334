import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { Button, ButtonLink } from '../../../components/ui/Button.tsx';
import { Card, PageHeader } from '../../../components/ui/Card.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useCreatePortalTicketMutation } from '../api/ticket-create-mutation.ts';
import { newTicketSchema, type NewTicketValues } from '../portal.schema.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { useAttachments } from './use-attachments.ts';

const PRIORITY_OPTIONS = [
  { value: 'low', label: 'Low – a question' },
  { value: 'medium', label: 'Medium – something is not working' },
  { value: 'high', label: 'High – it blocks my work' },
  { value: 'urgent', label: 'Urgent – everything is down' },
] as const;

/** `/o/:slug/portal/new`: raise a ticket with files; lands on the new ticket once sent. */
export function NewTicketPage() {
  const { org } = useCurrentOrg();
  const navigate = useNavigate();
  const create = useCreatePortalTicketMutation();
  const attachments = useAttachments();
  const { register, handleSubmit, formState } = useForm<NewTicketValues>({
    resolver: zodResolver(newTicketSchema),
    defaultValues: { subject: '', description: '', priority: 'medium' },
  });
  const onSubmit = handleSubmit(async (values) => {
    attachments.start();
    await create.mutateAsync({ ...values, orgId: org.id, files: attachments.files, onProgress: attachments.onProgress }).then(
      (ticket) => {
        attachments.finish(true);
        if (ticket.uploadError) toast.error(ticket.uploadError, { description: 'Your ticket was sent: add the file in a reply.' });
        navigate(`../tickets/${ticket.number}`, { relative: 'path' });
      },
      () => attachments.finish(false),
    );
  });

  return (
    <>
      <PageHeader title="New ticket" description={`Tell ${org.name} what is wrong; you can follow the answer here.`} />
      <Card title="Your request">
        <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
          <TextField label="Subject" maxLength={200} autoComplete="off" error={formState.errors.subject?.message} {...register('subject')} />
          <TextArea label="Description" rows={6} maxLength={20000} hint="What happened, what you expected, and any error message."
            error={formState.errors.description?.message} {...register('description')} />
          <SelectField label="Priority" error={formState.errors.priority?.message} {...register('priority')}>
            {PRIORITY_OPTIONS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          </SelectField>
          <AttachmentPicker {...attachments.picker} />
          <div className="flex justify-end gap-2">
            <ButtonLink variant="secondary" to="..">Cancel</ButtonLink>
            <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? 'Sending…' : 'Send ticket'}</Button>
          </div>
        </form>
      </Card>
    </>
  );
}
