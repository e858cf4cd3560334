import { useMembersQuery, type Member } from '../../features/members/api/members-query.ts';
import { NewTicketPage } from '../../features/tickets/components/NewTicketPage.tsx';
import { TicketListPage } from '../../features/tickets/components/TicketListPage.tsx';
import { useCan, useCurrentOrg } from '../../hooks/use-current-org.ts';
import { RequirePermission } from './RequirePermission.tsx';

/** Rank of the built-in agent role: members ranked at least this high work tickets. */
const AGENT_RANK = 50;

/** The organization's members (from the members feature) as the ticket pages' people. */
function usePeople() {
  const { org } = useCurrentOrg();
  const members = useMembersQuery(org.id, { enabled: useCan('members.view') }).data ?? [];
  return members.map((member: Member) => ({ id: member.userId, name: member.name, assignable: member.role.rank >= AGENT_RANK }));
}

export function TicketsRoute() {
  return <TicketListPage people={usePeople()} />;
}

export function NewTicketRoute() {
  const people = usePeople();
  return (
    <RequirePermission requires="tickets.create" page="new tickets">
      <NewTicketPage people={people} />
    </RequirePermission>
  );
}
