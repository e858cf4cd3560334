import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invokeInvitations } from './invitations-function.ts';
import { memberKeys } from './keys.ts';

export function createInvitation({ orgId, email, roleId }: { orgId: string; email: string; roleId: string }) {
  return invokeInvitations({ action: 'create', org_id: orgId, email, role_id: roleId });
}

export function useCreateInvitationMutation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; roleId: string }) => createInvitation({ orgId, ...input }),
    meta: { silentError: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(orgId) }),
  });
}
