import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useSession } from '../../hooks/use-session.ts';
import { safeNextPath, withNext } from './auth.utils.ts';

/** Sign-in and sign-up pages: a signed-in visitor goes on to `next` (through the MFA challenge if needed). */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { session, loading, needsMfa } = useSession();
  const next = safeNextPath(useSearchParams()[0].get('next'));
  if (loading) return <Spinner label="Loading your session" />;
  if (session) return <Navigate to={needsMfa ? withNext('/mfa', next) : next} replace />;
  return children;
}
