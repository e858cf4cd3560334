import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase.ts';
import { securityKeys } from './keys.ts';

/** Verifies the first code of a new authenticator: the factor becomes verified, the session aal2. */
export async function verifyTotpEnrollment({ factorId, code }: { factorId: string; code: string }) {
  const { error } = await supabase.auth.mfa.challengeAndVerify({ factorId, code });
  if (error) throw error;
}

export function useVerifyTotpMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyTotpEnrollment,
    meta: { successMessage: 'Two-step verification is on', silentError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.all }),
  });
}

/** Drops an enrolment the user abandoned. */
export async function cancelTotpEnrollment(factorId: string) {
  await supabase.auth.mfa.unenroll({ factorId });
}
