import type { ReactNode } from 'react';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';
import { allows, type PermissionRequirement } from '../../lib/permissions.ts';
import { NoAccessPage } from '../pages/NoAccessPage.tsx';

/** Renders a page only when the user's role allows it; the database refuses the data anyway. */
export function RequirePermission({ requires, page, children }: { requires: PermissionRequirement; page: string; children: ReactNode }) {
  const { permissions } = useCurrentOrg();
  if (!allows(permissions, requires)) return <NoAccessPage page={page} />;
  return children;
}
