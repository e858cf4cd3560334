import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/Button.tsx';
import { Card, PageHeader } from '../../../components/ui/Card.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useCreateTicketMutation } from '../api/ticket-create-mutation.ts';
import { useTicketFieldsQuery, type TicketField } from '../api/ticket-lookups-query.ts';
import { customFieldValues, newTicketSchema, type NewTicketFormInput, type NewTicketValues } from '../new-ticket.schema.ts';
import { PRIORITIES, PRIORITY_LABELS } from '../tickets.utils.ts';
import { CustomFieldInput } from './CustomFieldInput.tsx';
import { SimilarTickets } from './SimilarTickets.tsx';
import type { Person } from './TicketFilterBar.tsx';

/** `/o/:slug/tickets/new`: waits for the organization's custom fields, then shows the form. */
export function NewTicketPage({ people }: { people: Person[] }) {
  const { org } = useCurrentOrg();
  const fields = useTicketFieldsQuery(org.id);
  return (
    <>
      <PageHeader title="New ticket" description="Describe the problem; similar open tickets show up as you type the subject." />
      {fields.isPending && <SkeletonRows rows={4} label="the form" />}
      {fields.isError && <Alert title="The form could not be loaded">{fields.error.message}</Alert>}
      {fields.isSuccess && <NewTicketForm fields={fields.data} people={people} />}
    </>
  );
}

function NewTicketForm({ fields, people }: { fields: TicketField[]; people: Person[] }) {
  const { org } = useCurrentOrg();
  const navigate = useNavigate();
  // Agents raise tickets for anyone; everyone else raises them for themselves.
  const forOthers = useCan('tickets.manage');
  const create = useCreateTicketMutation();
  const schema = useMemo(() => newTicketSchema(fields), [fields]);
  const form = useForm<NewTicketFormInput, unknown, NewTicketValues>({
    resolver: zodResolver(schema),
    defaultValues: { subject: '', description: '', requesterId: '', priority: 'medium', category: '', tags: '', customFields: {} },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const ticket = await create.mutateAsync({
      orgId: org.id, subject: values.subject, description: values.description, requesterId: values.requesterId || undefined,
      priority: values.priority, category: values.category || undefined, tags: values.tags,
      customFields: customFieldValues(fields, values.customFields),
    }).catch(() => null);
    if (ticket) navigate(`/o/${org.slug}/tickets/${encodeURIComponent(ticket.number)}`);
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-6">
        <Card title="Problem">
          <div className="space-y-4">
            <TextField label="Subject" maxLength={200} autoComplete="off" error={errors.subject?.message} {...form.register('subject')} />
            <TextArea label="Description" rows={8} maxLength={20000} hint="What happened, what was expected, and steps to reproduce."
              error={errors.description?.message} {...form.register('description')} />
          </div>
        </Card>
        <Card title="Details">
          <div className="grid gap-4 sm:grid-cols-2">
            {forOthers && (
              <SelectField label="Requester" hint="Who the ticket is for; they get the replies." error={errors.requesterId?.message} {...form.register('requesterId')}>
                <option value="">Me</option>
                {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
              </SelectField>
            )}
            <SelectField label="Priority" error={errors.priority?.message} {...form.register('priority')}>
              {PRIORITIES.map((priority) => <option key={priority} value={priority}>{PRIORITY_LABELS[priority]}</option>)}
            </SelectField>
            <TextField label="Category" maxLength={60} placeholder="e.g. Billing" error={errors.category?.message} {...form.register('category')} />
            <TextField label="Tags" placeholder="login, mobile" hint="Separate tags with commas." error={errors.tags?.message} {...form.register('tags')} />
            {fields.map((field) => (
              <CustomFieldInput key={field.id} field={field} register={form.register} error={errors.customFields?.[field.key]?.message} />
            ))}
          </div>
          <p className="mt-4 text-xs text-slate-600 dark:text-slate-400">Attachments can be added on the ticket once it is raised.</p>
        </Card>
        {create.error && <Alert title="The ticket was not raised">{create.error.message}</Alert>}
        <div className="flex justify-end gap-2">
          <ButtonLink variant="secondary" to={`/o/${org.slug}/tickets`}>Cancel</ButtonLink>
          <Button type="submit" disabled={create.isPending}>{create.isPending ? 'Raising…' : 'Raise ticket'}</Button>
        </div>
      </div>
      <SimilarFromSubject control={form.control} />
    </form>
  );
}

/** Similar open tickets for the subject being typed. */
function SimilarFromSubject({ control }: { control: Control<NewTicketFormInput, unknown, NewTicketValues> }) {
  const subject = useWatch({ control, name: 'subject' });
  return <SimilarTickets subject={subject ?? ''} />;
}
