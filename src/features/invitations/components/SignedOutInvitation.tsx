import { PublicPage } from '../../../components/layout/PublicPage.tsx';
import { ButtonLink } from '../../../components/ui/Button.tsx';
import type { InvitationSummary } from '../api/invitation-describe-query.ts';

/** A visitor with an invitation: sign in, or create an account, with the invited address. */
export function SignedOutInvitation({ next, summary }: { next: string; summary: InvitationSummary | null }) {
  const query = new URLSearchParams({ next });
  if (summary) query.set('email', summary.email);
  return (
    <PublicPage
      title={summary ? `Join ${summary.orgName}` : 'You’ve been invited to Supportdesk'}
      description={
        summary ? (
          <>
            You are invited as <strong>{summary.roleName}</strong>. Continue with <strong>{summary.email}</strong>.
          </>
        ) : (
          'Sign in or create an account with the email address the invitation was sent to. You will then see the organization and accept.'
        )
      }
    >
      <div className="flex flex-col gap-2">
        <ButtonLink to={`/sign-up?${query.toString()}`}>Create an account</ButtonLink>
        <ButtonLink variant="secondary" to={`/sign-in?${new URLSearchParams({ next }).toString()}`}>
          I already have an account
        </ButtonLink>
      </div>
    </PublicPage>
  );
}
