import type { Session } from '@supabase/supabase-js';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { SessionContext, type SessionState } from '../../hooks/use-session.ts';
import { getSession, linkErrorFromUrl, needsSecondFactor, onSessionChange, sessionStillExists } from './api/session.ts';

type Snapshot = Omit<SessionState, 'finishRecovery' | 'dismissLinkError'>;

/**
 * Restores the session, follows sign-in/out, and works out what the session still needs: a second
 * factor (aal1 with a verified factor) or a new password (it came from a recovery link).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [snapshot, setSnapshot] = useState<Snapshot>({ session: null, loading: true, recovery: false, needsMfa: false, linkError: null });

  useEffect(() => {
    let active = true;
    const sync = async (session: Session | null, recovery?: boolean) => {
      const needsMfa = session ? await needsSecondFactor() : false;
      if (!active) return;
      setSnapshot((current) => ({
        ...current,
        session,
        loading: false,
        needsMfa,
        recovery: session ? (recovery ?? current.recovery) : false,
      }));
    };
    void linkErrorFromUrl().then((linkError) => active && linkError && setSnapshot((current) => ({ ...current, linkError })));
    void getSession().then(async (session) => sync(session && (await sessionStillExists()) ? session : null));
    // supabase-js must not be called from inside its own auth callback: defer the follow-up work.
    const unsubscribe = onSessionChange((event, session) => {
      setTimeout(() => void sync(session, event === 'PASSWORD_RECOVERY' ? true : undefined), 0);
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      ...snapshot,
      finishRecovery: () => setSnapshot((current) => ({ ...current, recovery: false })),
      dismissLinkError: () => setSnapshot((current) => ({ ...current, linkError: null })),
    }),
    [snapshot],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
