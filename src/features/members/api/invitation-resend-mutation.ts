import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invokeInvitations } from './invitations-function.ts';
import { memberKeys } from './keys.ts';

/** Issues a fresh link for an invitation (the old one stops working) and emails it again. */
export function resendInvitation(invitationId: string) {
  return invokeInvitations({ action: 'resend', invitation_id: invitationId });
}

export function useResendInvitationMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    meta: { successMessage: 'Invitation sent again' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(orgId) }),
  });
}
