import { PublicPage } from '../../components/layout/PublicPage.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useMyMembershipsQuery } from '../../features/organizations/api/memberships-query.ts';
import { CreateOrganizationForm } from '../../features/organizations/components/CreateOrganizationForm.tsx';
import { useSession, useUserId } from '../../hooks/use-session.ts';
import { useSignOut } from '../use-sign-out.ts';

/** The first step after signing up (and "Create an organization" later). */
export function OnboardingPage() {
  const email = useSession().session?.user.email;
  const hasOrgs = (useMyMembershipsQuery(useUserId()).data?.length ?? 0) > 0;
  const signOut = useSignOut();
  return (
    <PublicPage
      title={hasOrgs ? 'Create an organization' : 'Create your organization'}
      description="An organization is your team’s support desk: its inbox, tickets and settings."
      footer={
        hasOrgs ? (
          <TextLink to="/">Back to your organizations</TextLink>
        ) : (
          <>
            Signed in as {email}.{' '}
            <button type="button" className="font-medium underline" onClick={() => void signOut()}>
              Sign out
            </button>
          </>
        )
      }
    >
      <CreateOrganizationForm />
    </PublicPage>
  );
}
