import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';

/** Joins the organization with the invited role; returns its id. Refused with a reason when used, withdrawn, expired or for another email. */
export async function acceptInvitation(token: string): Promise<string> {
  return unwrap(await supabase.rpc('accept_invitation', { token }));
}

export function useAcceptInvitationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    meta: { silentError: true },
    // The user now belongs to one more organization: every membership-based query is stale.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
