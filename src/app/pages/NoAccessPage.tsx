import { Lock } from 'lucide-react';
import { ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';

/** Shown instead of a page the user's role does not allow (for example after a demotion). */
export function NoAccessPage({ page }: { page: string }) {
  const { org, role } = useCurrentOrg();
  return (
    <EmptyState icon={Lock} titleAs="h1" title={`You don’t have access to ${page}`} action={<ButtonLink to={`/o/${org.slug}`}>Go to the home page</ButtonLink>}>
      Your role in {org.name} is {role.name}. Ask an admin if you need access.
    </EmptyState>
  );
}
