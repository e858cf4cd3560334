import { PublicPage } from '../../components/layout/PublicPage.tsx';
import { ButtonLink } from '../../components/ui/Button.tsx';

export function NotFoundPage() {
  return (
    <PublicPage title="Page not found" description="The address may be mistyped, or the page has moved.">
      <ButtonLink to="/">Go to Supportdesk</ButtonLink>
    </PublicPage>
  );
}
