import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Dialog, DialogFormActions } from '../../../components/ui/Dialog.tsx';
import { TextArea } from '../../../components/ui/TextArea.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useSaveRoleMutation } from '../api/role-save-mutation.ts';
import { roleSchema, type RoleValues } from '../role.schema.ts';
import { maxCustomRank, roleKeyFromName, type Role } from '../role.utils.ts';
import { PermissionChecklist } from './PermissionChecklist.tsx';

/** Creates a custom role, or edits one: name, description, seniority, permissions. */
export function RoleEditorDialog({ role, takenKeys, onClose }: { role: Role | null; takenKeys: string[]; onClose: () => void }) {
  const { org, role: myRole, permissions: held } = useCurrentOrg();
  const save = useSaveRoleMutation(org.id);
  const maxRank = maxCustomRank(myRole.rank);
  const { register, handleSubmit, formState, control, setValue } = useForm<RoleValues>({
    resolver: zodResolver(roleSchema(myRole.rank)),
    defaultValues: role
      ? { name: role.name, description: role.description, rank: role.rank, permissions: role.permissions }
      : { name: '', description: '', rank: Math.min(40, maxRank), permissions: [] },
  });

  const permissions = useWatch({ control, name: 'permissions' });

  const onSubmit = handleSubmit(async (values) => {
    const key = role?.key ?? roleKeyFromName(values.name, takenKeys);
    await save.mutateAsync({ existing: role && { id: role.id, permissions: role.permissions }, key, values }).then(onClose, () => undefined);
  });

  return (
    <Dialog open title={role ? `Edit ${role.name}` : 'New role'} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField label="Name" error={formState.errors.name?.message} {...register('name')} />
        <TextArea label="Description" error={formState.errors.description?.message} {...register('description')} />
        <TextField
          label="Seniority"
          type="number"
          min={1}
          max={maxRank}
          hint={`1 to ${maxRank}. Members manage only people of lower seniority (agents are 50, managers 70).`}
          error={formState.errors.rank?.message}
          {...register('rank', { valueAsNumber: true })}
        />
        <PermissionChecklist value={permissions} held={held} onChange={(next) => setValue('permissions', next, { shouldDirty: true })} />
        <DialogFormActions submitLabel={role ? 'Save role' : 'Create role'} submitting={formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
