import { AuditLogPage } from '../../features/audit/components/AuditLogPage.tsx';
import { useMembersQuery } from '../../features/members/api/members-query.ts';
import { useCan, useCurrentOrg } from '../../hooks/use-current-org.ts';

/** The audit log, with the organization's members (from the members feature) as actors. */
export function AuditRoute() {
  const { org } = useCurrentOrg();
  const members = useMembersQuery(org.id, { enabled: useCan('members.view') }).data ?? [];
  return <AuditLogPage people={members.map((member) => ({ id: member.userId, name: member.name }))} />;
}
