import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase.ts';
import { securityKeys } from './keys.ts';

/** Ends every session but this one. */
export async function signOutOthers() {
  const { error } = await supabase.auth.signOut({ scope: 'others' });
  if (error) throw error;
}

export function useSignOutOthersMutation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutOthers,
    meta: { successMessage: 'Every other device was signed out' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions(userId) }),
  });
}
