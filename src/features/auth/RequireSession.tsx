import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useSession } from '../../hooks/use-session.ts';
import { withNext } from './auth.utils.ts';

/**
 * Renders its children for fully signed-in users. Everyone else goes where they must first: the
 * sign-in page, the second-factor challenge, or the new-password page after a recovery link.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading, needsMfa, recovery } = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (loading) return <Spinner label="Loading your session" />;
  if (!session) return <Navigate to={withNext('/sign-in', here)} replace />;
  if (recovery) return <Navigate to="/reset-password" replace />;
  if (needsMfa) return <Navigate to={withNext('/mfa', here)} replace />;
  return children;
}
