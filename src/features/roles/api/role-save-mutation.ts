import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { permissionDiff } from '../role.utils.ts';
import type { RoleValues } from '../role.schema.ts';
import { roleKeys } from './keys.ts';

interface SaveRoleInput {
  orgId: string;
  /** The role being edited, or null to create one with `key`. */
  existing: { id: string; permissions: string[] } | null;
  key: string;
  values: RoleValues;
}

/** Writes the permission rows that differ; the database refuses permissions the caller lacks. */
async function syncPermissions(roleId: string, before: string[], after: string[]) {
  const { added, removed } = permissionDiff(before, after);
  if (removed.length) unwrap(await supabase.from('role_permissions').delete().eq('role_id', roleId).in('permission', removed));
  if (added.length) unwrap(await supabase.from('role_permissions').insert(added.map((permission) => ({ role_id: roleId, permission }))));
}

/** Creates or edits a custom role: its name, description, rank and permission set. */
export async function saveRole({ orgId, existing, key, values }: SaveRoleInput) {
  const { name, description, rank, permissions } = values;
  if (existing) {
    const updated = unwrap(await supabase.from('roles').update({ name, description, rank }).eq('id', existing.id).select('id'));
    if (!updated.length) throw new AppError('You cannot edit this role.');
    await syncPermissions(existing.id, existing.permissions, permissions);
    return existing.id;
  }
  const created = unwrap(await supabase.from('roles').insert({ org_id: orgId, key, name, description, rank }).select('id').single());
  await syncPermissions(created.id, [], permissions);
  return created.id;
}

export function useSaveRoleMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<SaveRoleInput, 'orgId'>) => saveRole({ orgId, ...input }),
    meta: { successMessage: 'Role saved' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: roleKeys.list(orgId) }),
  });
}
