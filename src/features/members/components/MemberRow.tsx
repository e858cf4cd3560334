import { useState } from 'react';
import { Avatar } from '../../../components/ui/Avatar.tsx';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useSession } from '../../../hooks/use-session.ts';
import { relativeTime } from '../../../lib/format.ts';
import { useRemoveMemberMutation } from '../api/member-remove-mutation.ts';
import { useUpdateMemberRoleMutation } from '../api/member-role-update-mutation.ts';
import type { Member } from '../api/members-query.ts';
import { assignableRoles, canManageMember, isLastOwner } from '../members.utils.ts';
import type { RoleOption } from './MembersPage.tsx';

/** One member: who, which role (changeable when the rank rules allow), since when; removable. */
export function MemberRow({ member, roles, ownerCount }: { member: Member; roles: RoleOption[]; ownerCount: number }) {
  const { org, role: myRole } = useCurrentOrg();
  const isSelf = useSession().session?.user.id === member.userId;
  const canManageMembers = useCan('members.manage');
  const updateRole = useUpdateMemberRoleMutation();
  const remove = useRemoveMemberMutation(org.id);
  const [confirming, setConfirming] = useState(false);
  const manageable = canManageMember({ rank: myRole.rank, canManageMembers }, member.role.rank, isSelf) && !isLastOwner(member.role.rank, ownerCount);
  const options = assignableRoles(roles, myRole.rank, { isSelf, currentRank: member.role.rank });
  const choices = options.some((role) => role.id === member.role.id) ? options : [member.role, ...options];

  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <Avatar name={member.name} url={member.avatarUrl} />
      <div className="min-w-0 flex-1">
        <p className="flex items-center gap-2 truncate font-medium text-slate-900 dark:text-slate-50">
          {member.name}
          {isSelf && <Badge>You</Badge>}
        </p>
        <p className="truncate text-sm text-slate-600 dark:text-slate-400">
          {member.email && member.email !== member.name ? `${member.email} · ` : ''}Joined {relativeTime(member.joinedAt)}
        </p>
      </div>
      {manageable && roles.length > 0 ? (
        <SelectField
          label={`Role of ${member.name}`}
          hideLabel
          className="w-40"
          value={member.role.id}
          disabled={updateRole.isPending}
          onChange={(event) => updateRole.mutate({ membershipId: member.membershipId, roleId: event.target.value })}
        >
          {choices.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <Badge tone="brand">{member.role.name}</Badge>
      )}
      {manageable && !isSelf && (
        <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
          Remove<span className="sr-only"> {member.name}</span>
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Remove ${member.name}?`}
        confirmLabel="Remove member"
        busy={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(member.membershipId, { onSettled: () => setConfirming(false) })}
      >
        They lose access to {org.name} at once. You can invite them again later.
      </ConfirmDialog>
    </li>
  );
}
