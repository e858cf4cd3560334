import { supabase } from '../../../lib/supabase.ts';
import { appUrl } from '../auth.utils.ts';

export async function signInWithPassword(email: string, password: string) {
  const { error } = await supabase.auth.signInWithPassword({ email, password });
  if (error) throw error;
}

/** Emails a one-time sign-in link to an existing account; it brings the user back to `next`. */
export async function sendMagicLink(email: string, next: string) {
  const { error } = await supabase.auth.signInWithOtp({
    email,
    options: { shouldCreateUser: false, emailRedirectTo: appUrl(next) },
  });
  if (error) throw error;
}
