import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Dialog, DialogFormActions } from '../../../components/ui/Dialog.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { useCreateTeamMutation, useEditTeamMutation } from '../api/team-mutations.ts';
import { teamSchema, type TeamValues } from '../team.schema.ts';
import type { Team } from '../teams.utils.ts';

/** Creates a team, or renames one and edits its description. */
export function TeamDialog({ team, takenNames, onClose }: { team: Team | null; takenNames: string[]; onClose: () => void }) {
  const { org } = useCurrentOrg();
  const create = useCreateTeamMutation(org.id);
  const edit = useEditTeamMutation(org.id);
  const save = team ? edit : create;
  const { register, handleSubmit, formState } = useForm<TeamValues>({
    resolver: zodResolver(teamSchema(takenNames)),
    defaultValues: { name: team?.name ?? '', description: team?.description ?? '' },
  });
  const refusal = save.error && toAppError(save.error);

  const onSubmit = handleSubmit(async (values) => {
    const saving = team ? edit.mutateAsync({ teamId: team.id, changes: values }) : create.mutateAsync(values);
    await saving.then(onClose, () => undefined);
  });

  return (
    <Dialog open title={team ? `Edit ${team.name}` : 'New team'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField label="Name" autoComplete="off" placeholder="Billing" maxLength={60} error={formState.errors.name?.message} {...register('name')} />
        <TextArea
          label="Description (optional)"
          hint="What the team handles, for the people who route tickets to it."
          maxLength={300}
          error={formState.errors.description?.message}
          {...register('description')}
        />
        {refusal && <Alert title={refusal.message}>{refusal.hint}</Alert>}
        <DialogFormActions submitLabel={team ? 'Save team' : 'Create team'} submitting={formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
