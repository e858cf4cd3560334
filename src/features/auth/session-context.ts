import type { Session } from '@supabase/supabase-js';
import { createContext, useContext } from 'react';

export interface SessionState {
  session: Session | null;
  loading: boolean;
}

export const SessionContext = createContext<SessionState>({ session: null, loading: true });

/** The signed-in session (null when signed out) and whether it is still being restored. */
export const useSession = () => useContext(SessionContext);
