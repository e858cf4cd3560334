import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { toAppError } from '../../../lib/errors.ts';
import { useCreateInvitationMutation } from '../api/invitation-create-mutation.ts';
import { inviteSchema, type InviteValues } from '../invite.schema.ts';
import { assignableRoles } from '../members.utils.ts';
import type { RoleOption } from './MembersPage.tsx';

/** Invites one person by email with a role; they get a link to accept. */
export function InviteDialog({ open, roles, onClose }: { open: boolean; roles: RoleOption[]; onClose: () => void }) {
  const { org, role: myRole } = useCurrentOrg();
  const create = useCreateInvitationMutation(org.id);
  const options = assignableRoles(roles, myRole.rank, { isSelf: false, currentRank: 0 });
  const defaultRole = options.find((role) => role.rank === 50) ?? options[options.length - 1];
  const { register, handleSubmit, formState, reset } = useForm<InviteValues>({
    resolver: zodResolver(inviteSchema),
    values: { email: '', role_id: defaultRole?.id ?? '' },
    resetOptions: { keepDirtyValues: true },
  });
  const close = () => {
    create.reset();
    reset();
    onClose();
  };
  const onSubmit = handleSubmit(async ({ email, role_id }) => {
    await create.mutateAsync({ email, roleId: role_id }).then(
      () => {
        toast.success(`Invitation sent to ${email}`);
        close();
      },
      () => undefined,
    );
  });
  return (
    <Dialog open={open} title="Invite a teammate" description={`They will get an email with a link to join ${org.name}.`} onClose={close}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField label="Email address" type="email" autoComplete="off" error={formState.errors.email?.message} {...register('email')} />
        <SelectField label="Role" error={formState.errors.role_id?.message} {...register('role_id')}>
          {options.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </SelectField>
        {create.isError && (
          <Alert title={toAppError(create.error).message}>{toAppError(create.error).hint}</Alert>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={formState.isSubmitting || options.length === 0}>
            {formState.isSubmitting ? 'Sending…' : 'Send invitation'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
