import type { Session } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase.ts';

export async function getSession(): Promise<Session | null> {
  const { data } = await supabase.auth.getSession();
  return data.session;
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  const { data } = supabase.auth.onAuthStateChange((_event, session) => listener(session));
  return () => data.subscription.unsubscribe();
}

export async function signInWithPassword(email: string, password: string) {
  const { error } = await supabase.auth.signInWithPassword({ email, password });
  if (error) throw error;
}

export async function signOut() {
  await supabase.auth.signOut();
}

/** The caller's identity as the database sees it (public.whoami()). */
export async function fetchDatabaseIdentity() {
  const { data, error } = await supabase.rpc('whoami');
  if (error) throw error;
  return data as { uid: string | null; role: string; email: string | null };
}
