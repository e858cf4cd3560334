import { AuthApiError } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase.ts';
import { appUrl } from '../auth.utils.ts';

export interface SignUpInput {
  displayName: string;
  email: string;
  password: string;
  next: string;
}

/**
 * Creates an account and sends the confirmation email (confirmations are on, so no session comes
 * back). With confirmations on, an already-registered address still "succeeds" with a user that has
 * no identities: that case becomes the same `user_already_exists` error as with confirmations off.
 */
export async function signUp({ displayName, email, password, next }: SignUpInput): Promise<{ signedIn: boolean }> {
  const { data, error } = await supabase.auth.signUp({
    email,
    password,
    options: { data: { display_name: displayName }, emailRedirectTo: appUrl(next) },
  });
  if (error) throw error;
  if (data.user && data.user.identities?.length === 0) {
    throw new AuthApiError('User already registered', 422, 'user_already_exists');
  }
  return { signedIn: Boolean(data.session) };
}

export async function resendConfirmation(email: string, next: string) {
  const { error } = await supabase.auth.resend({ type: 'signup', email, options: { emailRedirectTo: appUrl(next) } });
  if (error) throw error;
}
