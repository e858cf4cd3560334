import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import { isAuthImplicitGrantRedirectError, isAuthSessionMissingError } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase.ts';
import { describeLinkError } from '../../../lib/auth-errors.ts';

export async function getSession(): Promise<Session | null> {
  const { data } = await supabase.auth.getSession();
  return data.session;
}

export function onSessionChange(listener: (event: AuthChangeEvent, session: Session | null) => void): () => void {
  const { data } = supabase.auth.onAuthStateChange(listener);
  return () => data.subscription.unsubscribe();
}

/**
 * Asks Auth whether the stored session still exists: one signed out from another device (or revoked
 * on the security page) keeps a valid-looking token here until it expires. supabase-js drops the
 * session when the answer is "session_not_found". Network failures count as "still valid".
 */
export async function sessionStillExists(): Promise<boolean> {
  const { error } = await supabase.auth.getUser();
  return !isAuthSessionMissingError(error);
}

/** Whether the session still has to pass a second factor (a verified factor exists, the session is aal1). */
export async function needsSecondFactor(): Promise<boolean> {
  const { data, error } = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
  if (error || !data) return false;
  return data.currentLevel === 'aal1' && data.nextLevel === 'aal2';
}

/**
 * Why the email link that opened the app did not sign the user in, if it did not. supabase-js
 * leaves the error fragment (`#error_code=otp_expired…`) in place; it is cleared once read.
 */
export async function linkErrorFromUrl(): Promise<string | null> {
  const { error } = await supabase.auth.initialize();
  if (!error || !isAuthImplicitGrantRedirectError(error)) return null;
  const url = new URL(window.location.href);
  url.hash = '';
  window.history.replaceState(window.history.state, '', url.toString());
  return describeLinkError(error.details?.code, error.message);
}

/** Signs out this device (`local`), or every other device (`others`). */
export async function signOut(scope: 'local' | 'others' = 'local') {
  const { error } = await supabase.auth.signOut({ scope });
  if (error) throw error;
}
