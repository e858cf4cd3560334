import { supabase } from '../../../lib/supabase.ts';
import { appUrl } from '../auth.utils.ts';

/** Emails a recovery link that opens /reset-password signed in (event PASSWORD_RECOVERY). */
export async function sendPasswordReset(email: string) {
  const { error } = await supabase.auth.resetPasswordForEmail(email, { redirectTo: appUrl('/reset-password') });
  if (error) throw error;
}

export async function setNewPassword(password: string) {
  const { error } = await supabase.auth.updateUser({ password });
  if (error) throw error;
}
