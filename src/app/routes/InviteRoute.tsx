import { useNavigate } from 'react-router-dom';
import { AcceptInvitationPage } from '../../features/invitations/components/AcceptInvitationPage.tsx';
import { useSignOut } from '../use-sign-out.ts';

/** Accepting an invitation; joining leads into the organization. */
export function InviteRoute() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const here = window.location.pathname + window.location.search;
  return <AcceptInvitationPage onSignOut={() => void signOut(here)} onJoined={(orgId) => navigate(`/?org=${encodeURIComponent(orgId)}`, { replace: true })} />;
}
