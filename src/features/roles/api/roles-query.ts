import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { sortRoles, type Role } from '../role.utils.ts';
import { roleKeys } from './keys.ts';

/** Built-in roles and the organization's custom roles, each with its permissions. */
export async function fetchRoles(orgId: string, signal: AbortSignal): Promise<Role[]> {
  const rows = unwrap(
    await supabase
      .from('roles')
      .select('id, org_id, key, name, description, rank, role_permissions(permission)')
      .or(`org_id.is.null,org_id.eq.${orgId}`)
      .abortSignal(signal),
  );
  return sortRoles(
    rows.map((row) => ({
      id: row.id,
      orgId: row.org_id,
      key: row.key,
      name: row.name,
      description: row.description,
      rank: row.rank,
      builtIn: row.org_id === null,
      permissions: row.role_permissions.map((grant) => grant.permission).sort(),
    })),
  );
}

export function useRolesQuery(orgId: string) {
  return useQuery({ queryKey: roleKeys.list(orgId), queryFn: ({ signal }) => fetchRoles(orgId, signal) });
}
