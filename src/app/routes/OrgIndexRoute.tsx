import { Navigate } from 'react-router-dom';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';
import { HomePage } from '../pages/HomePage.tsx';

/** `/o/:slug`: customers (portal access without the staff's ticket view) land on their tickets; everyone else on Home. */
export function OrgIndexRoute() {
  const { permissions } = useCurrentOrg();
  if (permissions.has('portal.access') && !permissions.has('tickets.view')) return <Navigate to="portal" replace />;
  return <HomePage />;
}
