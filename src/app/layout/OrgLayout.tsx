import { useEffect, useMemo } from 'react';
import { Outlet, useLocation, useParams } from 'react-router-dom';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useMyMembershipsQuery } from '../../features/organizations/api/memberships-query.ts';
import { CurrentOrgContext, type CurrentOrg } from '../../hooks/use-current-org.ts';
import { useUserId } from '../../hooks/use-session.ts';
import { permissionSet } from '../../lib/permissions.ts';
import { rememberOrg } from '../last-org.ts';
import { NotMemberPage } from '../pages/NotMemberPage.tsx';
import { AppShell } from './AppShell.tsx';

/**
 * `/o/:slug/*`: finds the organization among the user's memberships and provides it, with the role
 * and permissions, to every page below. Memberships are re-read on each navigation, so a role change
 * made by someone else shows on the next click, without signing in again.
 */
export function OrgLayout() {
  const { slug } = useParams();
  const { pathname } = useLocation();
  const userId = useUserId();
  const memberships = useMyMembershipsQuery(userId);
  const { refetch } = memberships;
  useEffect(() => {
    // Joins a fetch already under way (the first mount) rather than starting a second one.
    void refetch({ cancelRefetch: false });
  }, [pathname, refetch]);

  const membership = memberships.data?.find((item) => item.org.slug === slug);
  const current = useMemo<CurrentOrg | null>(
    () => (membership ? { org: membership.org, role: membership.role, permissions: permissionSet(membership.permissions) } : null),
    [membership],
  );
  useEffect(() => {
    if (current) rememberOrg(current.org.slug);
  }, [current]);

  if (memberships.isPending) return <Spinner label="Loading your organization" />;
  if (!current) return <NotMemberPage slug={slug ?? ''} error={memberships.error?.message} />;
  return (
    <CurrentOrgContext.Provider value={current}>
      <AppShell memberships={memberships.data ?? []}>
        <Outlet />
      </AppShell>
    </CurrentOrgContext.Provider>
  );
}
