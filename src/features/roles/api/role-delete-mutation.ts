import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { roleKeys } from './keys.ts';

/** Deletes a custom role; the database refuses while members still hold it. */
export async function deleteRole(roleId: string) {
  const deleted = unwrap(await supabase.from('roles').delete().eq('id', roleId).select('id'));
  if (!deleted.length) throw new AppError('You cannot delete this role.');
}

export function useDeleteRoleMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRole,
    meta: { successMessage: 'Role deleted' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.list(orgId) }),
  });
}
