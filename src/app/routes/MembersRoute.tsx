import { MembersPage } from '../../features/members/components/MembersPage.tsx';
import { useRolesQuery } from '../../features/roles/api/roles-query.ts';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';

/** Members, with the organization's roles (from the roles feature) to choose from. */
export function MembersRoute() {
  const { org } = useCurrentOrg();
  const roles = useRolesQuery(org.id).data ?? [];
  return <MembersPage roles={roles.map(({ id, name, rank }) => ({ id, name, rank }))} />;
}
