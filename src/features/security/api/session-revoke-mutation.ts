import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { securityKeys } from './keys.ts';

/** Signs one device out: its session is deleted, so its tokens stop working at once. */
export async function revokeSession(sessionId: string) {
  const revoked = unwrap(await supabase.rpc('revoke_my_session', { session_id: sessionId }));
  if (!revoked) throw new AppError('That session had already ended.');
}

export function useRevokeSessionMutation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    meta: { successMessage: 'Device signed out' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions(userId) }),
  });
}
