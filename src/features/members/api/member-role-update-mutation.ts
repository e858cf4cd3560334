import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';

/** Gives a member another role; the database applies the rank rules and explains refusals. */
export async function updateMemberRole({ membershipId, roleId }: { membershipId: string; roleId: string }) {
  const updated = unwrap(await supabase.from('memberships').update({ role_id: roleId }).eq('id', membershipId).select('id'));
  if (!updated.length) throw new AppError('You cannot change this member’s role.');
}

export function useUpdateMemberRoleMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMemberRole,
    meta: { successMessage: 'Role changed' },
    // A role change can change what the caller may see (their own role, member counts…): refetch everything.
    onSettled: () => queryClient.invalidateQueries(),
  });
}
