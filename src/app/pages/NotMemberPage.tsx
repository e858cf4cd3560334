import { PublicPage } from '../../components/layout/PublicPage.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { ButtonLink } from '../../components/ui/Button.tsx';

/** `/o/<slug>` of an organization the user does not belong to (or no longer does). */
export function NotMemberPage({ slug, error }: { slug: string; error?: string }) {
  return (
    <PublicPage title="Organization not available">
      <Alert tone={error ? 'error' : 'warning'}>{error ?? `You are not a member of “${slug}”, or it no longer exists.`}</Alert>
      <div className="mt-4">
        <ButtonLink to="/">Go to your organizations</ButtonLink>
      </div>
    </PublicPage>
  );
}
