import { Navigate, useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/ui/Alert.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useMyMembershipsQuery } from '../../features/organizations/api/memberships-query.ts';
import { useUserId } from '../../hooks/use-session.ts';
import { lastOrg } from '../last-org.ts';
import { OrgPickerPage } from '../pages/OrgPickerPage.tsx';

/**
 * `/`: no organization yet → onboarding; `?org=<id>` (just joined) → that one; the one last opened in
 * this browser; the only one; otherwise a picker.
 */
export function RootRedirect() {
  const memberships = useMyMembershipsQuery(useUserId());
  const wanted = useSearchParams()[0].get('org');
  if (memberships.isPending) return <Spinner label="Loading your organizations" />;
  if (memberships.isError) {
    return (
      <div className="mx-auto max-w-md p-8">
        <Alert>{memberships.error.message}</Alert>
      </div>
    );
  }
  const list = memberships.data;
  if (list.length === 0) return <Navigate to="/new-organization" replace />;
  const chosen = list.find((item) => item.org.id === wanted) ?? list.find((item) => item.org.slug === lastOrg()) ?? (list.length === 1 ? list[0] : null);
  if (chosen) return <Navigate to={`/o/${chosen.org.slug}`} replace />;
  return <OrgPickerPage memberships={list} />;
}
