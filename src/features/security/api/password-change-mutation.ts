import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase.ts';
import { securityKeys } from './keys.ts';

/**
 * Sets a new password, then ends the user's other sessions: whoever knew the old password must not
 * stay signed in elsewhere.
 */
export async function changePassword(password: string) {
  const { error } = await supabase.auth.updateUser({ password });
  if (error) throw error;
  await supabase.auth.signOut({ scope: 'others' });
}

export function useChangePasswordMutation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    meta: { successMessage: 'Password changed. Other devices were signed out.', silentError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions(userId) }),
  });
}
