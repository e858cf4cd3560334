import { useQuery } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase.ts';
import { securityKeys } from './keys.ts';

/** The user's authenticator apps (TOTP factors), verified or not. */
export async function fetchTotpFactors() {
  const { data, error } = await supabase.auth.mfa.listFactors();
  if (error) throw error;
  return data.all.filter((factor) => factor.factor_type === 'totp');
}

export function useTotpFactorsQuery(userId: string) {
  return useQuery({ queryKey: securityKeys.factors(userId), queryFn: fetchTotpFactors });
}
