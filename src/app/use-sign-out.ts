import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { signOut } from '../features/auth/api/session.ts';
import { describeAuthError } from '../lib/auth-errors.ts';

/** Signs this device out, forgets every cached query, and goes to `then` (the sign-in page by default). */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (then = '/sign-in') => {
      try {
        await signOut();
      } catch (error) {
        toast.error(describeAuthError(error));
        return;
      }
      queryClient.clear();
      navigate(then, { replace: true });
    },
    [queryClient, navigate],
  );
}
