import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { invitationKeys } from './keys.ts';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationSummary {
  orgName: string;
  roleName: string;
  email: string;
  expiresAt: string;
  status: InvitationStatus;
}

/**
 * What an invitation is for (`describe_invitation`). Null for an unknown token; 'hidden' when the
 * caller may not ask (the function is granted to signed-in users only, so visitors see a generic page).
 */
export async function describeInvitation(token: string, signal: AbortSignal): Promise<InvitationSummary | null | 'hidden'> {
  const { data, error } = await supabase.rpc('describe_invitation', { token }).abortSignal(signal);
  if (error) {
    if (error.code === '42501' || error.code === 'PGRST202') return 'hidden';
    throw toAppError(error);
  }
  const row = data[0];
  if (!row) return null;
  return { orgName: row.org_name, roleName: row.role_name, email: row.email, expiresAt: row.expires_at, status: row.status as InvitationStatus };
}

export function useDescribeInvitationQuery(token: string, userId: string | null) {
  return useQuery({ queryKey: invitationKeys.describe(token, userId), queryFn: ({ signal }) => describeInvitation(token, signal), retry: false });
}
