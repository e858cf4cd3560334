import { Users } from 'lucide-react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useMembersQuery } from '../api/members-query.ts';
import { OWNER_RANK } from '../members.utils.ts';
import { MemberRow } from './MemberRow.tsx';
import type { RoleOption } from './MembersPage.tsx';

export function MembersCard({ roles, onInvite }: { roles: RoleOption[]; onInvite?: () => void }) {
  const { org } = useCurrentOrg();
  const members = useMembersQuery(org.id);
  const ownerCount = members.data?.filter((member) => member.role.rank >= OWNER_RANK).length ?? 0;
  return (
    <Card title="People" description={members.data && `${members.data.length} ${members.data.length === 1 ? 'member' : 'members'}`}>
      {members.isPending && <SkeletonRows rows={3} label="members" />}
      {members.isError && <Alert>{members.error.message}</Alert>}
      {members.data?.length === 1 && onInvite && (
        <div className="mb-4">
          <EmptyState icon={Users} title="It’s just you so far" action={<Button onClick={onInvite}>Invite a teammate</Button>}>
            Invite the people who answer your customers.
          </EmptyState>
        </div>
      )}
      {!!members.data?.length && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {members.data.map((member) => (
            <MemberRow key={member.membershipId} member={member} roles={roles} ownerCount={ownerCount} />
          ))}
        </ul>
      )}
    </Card>
  );
}
