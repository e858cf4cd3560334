import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { useCan } from '../../../hooks/use-current-org.ts';
import type { RankedRole } from '../members.utils.ts';
import { InvitationsCard } from './InvitationsCard.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { MembersCard } from './MembersCard.tsx';

export type RoleOption = RankedRole & { name: string };

/** Who is in the organization, with which role, and who is invited. Roles come from the app (roles feature). */
export function MembersPage({ roles }: { roles: RoleOption[] }) {
  const canManage = useCan('members.manage');
  const [inviting, setInviting] = useState(false);
  const invite = () => setInviting(true);
  return (
    <>
      <PageHeader
        title="Members"
        description="Everyone who works in this organization."
        actions={
          canManage && (
            <Button onClick={invite}>
              <UserPlus aria-hidden className="h-4 w-4" />
              Invite people
            </Button>
          )
        }
      />
      <div className="space-y-6">
        <MembersCard roles={roles} onInvite={canManage ? invite : undefined} />
        {canManage && <InvitationsCard onInvite={invite} />}
      </div>
      {canManage && <InviteDialog open={inviting} roles={roles} onClose={() => setInviting(false)} />}
    </>
  );
}
