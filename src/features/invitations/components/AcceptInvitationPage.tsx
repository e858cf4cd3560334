import { Navigate, useParams, useSearchParams } from 'react-router-dom';
import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { useSession } from '../../../hooks/use-session.ts';
import { useDescribeInvitationQuery } from '../api/invitation-describe-query.ts';
import { invitationProblem, invitationToken } from '../invitation.utils.ts';
import { InvitationDecision } from './InvitationDecision.tsx';
import { SignedOutInvitation } from './SignedOutInvitation.tsx';

interface AcceptInvitationPageProps {
  /** Signs out so the visitor can continue with the invited address (the app owns signing out). */
  onSignOut: () => void;
  /** Called with the organization's id once joined. */
  onJoined: (orgId: string) => void;
}

/** `/invite/:token` (or `?token=`): what the invitation is for, then sign in or up with the invited email, then join. */
export function AcceptInvitationPage({ onSignOut, onJoined }: AcceptInvitationPageProps) {
  const token = invitationToken(useParams().token, useSearchParams()[0]);
  const { session, loading, needsMfa } = useSession();
  const here = token ? `/invite/${token}` : '/invite';
  const invitation = useDescribeInvitationQuery(token ?? '', session?.user.id ?? null);

  if (!token) return <Problem title="This invitation link is not valid" body="Open the link from your email again, or ask for a new invitation." />;
  if (loading || invitation.isPending) return <Spinner label="Opening your invitation" />;
  if (session && needsMfa) return <Navigate to={`/mfa?next=${encodeURIComponent(here)}`} replace />;
  if (invitation.isError) return <Problem title="We could not open this invitation" body={invitation.error.message} />;
  const summary = invitation.data;
  if (summary === null) return <Problem title="This invitation link is not valid" body="Ask the person who invited you for a new invitation." />;
  if (summary !== 'hidden') {
    const problem = invitationProblem(summary.status);
    if (problem) return <Problem {...problem} />;
  }
  if (!session) return <SignedOutInvitation next={here} summary={summary === 'hidden' ? null : summary} />;
  if (summary === 'hidden') return <Problem title="We could not open this invitation" body="Sign out and open the link again." />;
  return <InvitationDecision token={token} summary={summary} email={session.user.email ?? ''} onSignOut={onSignOut} onJoined={onJoined} />;
}

function Problem({ title, body }: { title: string; body: string }) {
  return (
    <PublicPage title={title}>
      <Alert tone="warning">{body}</Alert>
      <p className="mt-4 text-sm">
        <TextLink to="/">Go to Supportdesk</TextLink>
      </p>
    </PublicPage>
  );
}
