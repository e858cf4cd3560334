import { useEffect, useState, type ReactNode } from 'react';
import { getSession, onSessionChange } from './api/session.ts';
import { SessionContext, type SessionState } from './session-context.ts';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ session: null, loading: true });
  useEffect(() => {
    let active = true;
    getSession().then((session) => active && setState({ session, loading: false }));
    const unsubscribe = onSessionChange((session) => setState({ session, loading: false }));
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
