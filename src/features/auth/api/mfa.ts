import { supabase } from '../../../lib/supabase.ts';

/** The user's verified authenticator apps (TOTP factors). */
export async function verifiedTotpFactors() {
  const { data, error } = await supabase.auth.mfa.listFactors();
  if (error) throw error;
  return data.totp.filter((factor) => factor.status === 'verified');
}

/** Proves the second factor for this session; it becomes aal2. */
export async function verifyTotp(factorId: string, code: string) {
  const { error } = await supabase.auth.mfa.challengeAndVerify({ factorId, code });
  if (error) throw error;
}
