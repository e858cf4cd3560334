import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { memberKeys } from './keys.ts';

/** Withdraws an invitation: its link stops working. */
export async function revokeInvitation(invitationId: string) {
  const revoked = unwrap(await supabase.from('invitations').update({ revoked_at: new Date().toISOString() }).eq('id', invitationId).select('id'));
  if (!revoked.length) throw new AppError('You cannot withdraw this invitation.');
}

export function useRevokeInvitationMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    meta: { successMessage: 'Invitation withdrawn' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(orgId) }),
  });
}
