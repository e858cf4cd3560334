import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/Button.tsx';
import { Dialog } from '../../../components/ui/Dialog.tsx';
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
        <div className="flex justify-end gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : role ? 'Save role' : 'Create role'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
