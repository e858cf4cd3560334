import { MailPlus } from 'lucide-react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { formatDateTime, relativeTime } from '../../../lib/format.ts';
import { useInvitationsQuery, type PendingInvitation } from '../api/invitations-query.ts';
import { useResendInvitationMutation } from '../api/invitation-resend-mutation.ts';
import { useRevokeInvitationMutation } from '../api/invitation-revoke-mutation.ts';

/** Invitations waiting for an answer: resend or withdraw them. */
export function InvitationsCard({ onInvite }: { onInvite: () => void }) {
  const { org } = useCurrentOrg();
  const invitations = useInvitationsQuery(org.id);
  return (
    <Card title="Pending invitations" description="Links work once and expire after 7 days.">
      {invitations.isPending && <SkeletonRows rows={2} label="invitations" />}
      {invitations.isError && <Alert>{invitations.error.message}</Alert>}
      {invitations.data?.length === 0 && (
        <EmptyState icon={MailPlus} title="No pending invitations" action={<Button variant="secondary" onClick={onInvite}>Invite a teammate</Button>}>
          Invited people appear here until they accept.
        </EmptyState>
      )}
      {!!invitations.data?.length && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {invitations.data.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} orgId={org.id} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function InvitationRow({ invitation, orgId }: { invitation: PendingInvitation; orgId: string }) {
  const resend = useResendInvitationMutation(orgId);
  const revoke = useRevokeInvitationMutation(orgId);
  const expired = new Date(invitation.expires_at) < new Date();
  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900 dark:text-slate-50">
          <span className="truncate">{invitation.email}</span>
          <Badge tone="brand">{invitation.role.name}</Badge>
          {expired && <Badge tone="warning">Expired</Badge>}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Invited {relativeTime(invitation.created_at)} · <span title={formatDateTime(invitation.expires_at)}>{expired ? 'expired' : 'expires'} {relativeTime(invitation.expires_at)}</span>
        </p>
      </div>
      <Button variant="secondary" size="sm" onClick={() => resend.mutate(invitation.id)} disabled={resend.isPending}>
        Resend<span className="sr-only"> to {invitation.email}</span>
      </Button>
      <Button variant="ghost" size="sm" onClick={() => revoke.mutate(invitation.id)} disabled={revoke.isPending}>
        Withdraw<span className="sr-only"> invitation for {invitation.email}</span>
      </Button>
    </li>
  );
}
