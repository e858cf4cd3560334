import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase.ts';
import { securityKeys } from './keys.ts';

/** Removes an authenticator app (a verified one needs this session to be aal2). */
export async function removeFactor(factorId: string) {
  const { error } = await supabase.auth.mfa.unenroll({ factorId });
  if (error) throw error;
}

export function useRemoveFactorMutation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFactor,
    meta: { successMessage: 'Authenticator app removed' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.factors(userId) }),
  });
}
