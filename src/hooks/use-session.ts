import type { Session } from '@supabase/supabase-js';
import { createContext, useContext } from 'react';

export interface SessionState {
  /** The signed-in session; null when signed out. */
  session: Session | null;
  /** True until the stored session (or one in the URL) has been restored. */
  loading: boolean;
  /** True when the session came from a password-recovery link: the user must set a new password. */
  recovery: boolean;
  /** True when the user has a verified second factor but this session has not used it yet (aal1 → aal2). */
  needsMfa: boolean;
  /** Why an email link that brought the user here did not sign them in (expired, already used…). */
  linkError: string | null;
  /** Marks the recovery as done once the new password is saved. */
  finishRecovery: () => void;
  dismissLinkError: () => void;
}

export const SessionContext = createContext<SessionState>({
  session: null,
  loading: true,
  recovery: false,
  needsMfa: false,
  linkError: null,
  finishRecovery: () => undefined,
  dismissLinkError: () => undefined,
});

/** The signed-in session and what it still needs (MFA, a new password). */
export const useSession = () => useContext(SessionContext);

/** The signed-in user's id; only for components rendered behind RequireSession. */
export function useUserId(): string {
  const { session } = useSession();
  if (!session) throw new Error('useUserId() needs a signed-in session');
  return session.user.id;
}
