import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Tables } from '../../../types/database.ts';
import { organizationKeys } from './keys.ts';

export interface MyMembership {
  membershipId: string;
  org: Tables<'organizations'>;
  role: { id: string; key: string; name: string; rank: number };
  permissions: string[];
}

/**
 * The caller's organizations, each with their role and that role's permissions, in one request
 * (memberships → roles → role_permissions). Read fresh on every navigation, so a demotion shows at
 * once without signing in again.
 */
export async function fetchMyMemberships(userId: string, signal?: AbortSignal): Promise<MyMembership[]> {
  let query = supabase
    .from('memberships')
    .select('id, org:organizations!inner(*), role:roles!inner(id, key, name, rank, role_permissions(permission))')
    .eq('user_id', userId)
    .order('created_at');
  if (signal) query = query.abortSignal(signal);
  const rows = unwrap(await query);
  return rows
    .map((row) => ({
      membershipId: row.id,
      org: row.org,
      role: { id: row.role.id, key: row.role.key, name: row.role.name, rank: row.role.rank },
      permissions: row.role.role_permissions.map((grant) => grant.permission),
    }))
    .sort((a, b) => a.org.name.localeCompare(b.org.name));
}

export function useMyMembershipsQuery(userId: string) {
  return useQuery({
    queryKey: organizationKeys.memberships(userId),
    queryFn: ({ signal }) => fetchMyMemberships(userId, signal),
    staleTime: 0,
  });
}
