import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { memberKeys } from './keys.ts';

/** Invitations not yet accepted or withdrawn (expired ones included, to resend). Needs members.manage. */
export async function fetchPendingInvitations(orgId: string, signal: AbortSignal) {
  return unwrap(
    await supabase
      .from('invitations')
      .select('id, email, role_id, created_at, expires_at, role:roles!inner(name)')
      .eq('org_id', orgId)
      .is('accepted_at', null)
      .is('revoked_at', null)
      .order('created_at', { ascending: false })
      .abortSignal(signal),
  );
}

export type PendingInvitation = Awaited<ReturnType<typeof fetchPendingInvitations>>[number];

export function useInvitationsQuery(orgId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: memberKeys.invitations(orgId), queryFn: ({ signal }) => fetchPendingInvitations(orgId, signal), enabled: options.enabled });
}
