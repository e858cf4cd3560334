import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { memberKeys } from './keys.ts';

/** Removes someone from the organization (an organization always keeps an owner). */
export async function removeMember(membershipId: string) {
  const removed = unwrap(await supabase.from('memberships').delete().eq('id', membershipId).select('id'));
  if (!removed.length) throw new AppError('You cannot remove this member.');
}

export function useRemoveMemberMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    meta: { successMessage: 'Member removed' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.list(orgId) }),
  });
}
