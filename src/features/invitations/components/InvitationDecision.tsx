import { Building2 } from 'lucide-react';
import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { toAppError } from '../../../lib/errors.ts';
import { useAcceptInvitationMutation } from '../api/invitation-accept-mutation.ts';
import type { InvitationSummary } from '../api/invitation-describe-query.ts';
import { sameEmail } from '../invitation.utils.ts';

interface InvitationDecisionProps {
  token: string;
  summary: InvitationSummary;
  email: string;
  onSignOut: () => void;
  onJoined: (orgId: string) => void;
}

/** Signed in: join, or switch to the invited address when signed in as someone else. */
export function InvitationDecision({ token, summary, email, onSignOut, onJoined }: InvitationDecisionProps) {
  const accept = useAcceptInvitationMutation();
  const matches = sameEmail(summary.email, email);
  return (
    <PublicPage
      title={`Join ${summary.orgName}`}
      description={
        <>
          You are invited as <strong>{summary.roleName}</strong>. The invitation expires {formatDateTime(summary.expiresAt)}.
        </>
      }
    >
      <div className="mb-5 flex items-center gap-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800">
        <Building2 aria-hidden className="h-5 w-5 text-slate-600 dark:text-slate-300" />
        <div className="text-sm">
          <p className="font-medium text-slate-900 dark:text-slate-50">{summary.orgName}</p>
          <p className="text-slate-600 dark:text-slate-300">Role: {summary.roleName}</p>
        </div>
      </div>
      {!matches && (
        <div className="space-y-4">
          <Alert tone="warning" title="This invitation is for another address">
            It was sent to <strong>{summary.email}</strong>, and you are signed in as <strong>{email}</strong>.
          </Alert>
          <Button className="w-full" onClick={onSignOut}>
            Sign out and continue as {summary.email}
          </Button>
        </div>
      )}
      {matches && (
        <div className="space-y-4">
          {accept.isError && <Alert title={toAppError(accept.error).message}>{toAppError(accept.error).hint}</Alert>}
          <Button className="w-full" disabled={accept.isPending} onClick={() => accept.mutate(token, { onSuccess: onJoined })}>
            {accept.isPending ? 'Joining…' : `Join ${summary.orgName}`}
          </Button>
        </div>
      )}
    </PublicPage>
  );
}
