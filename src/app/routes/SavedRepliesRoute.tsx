import { useProfileQuery } from '../../features/profile/api/profile-query.ts';
import { SavedRepliesPage } from '../../features/saved-replies/components/SavedRepliesPage.tsx';
import { useSession, useUserId } from '../../hooks/use-session.ts';

/** Saved replies, with the signed-in agent's name (from the profile feature) for {{agent.name}} in the preview. */
export function SavedRepliesRoute() {
  const email = useSession().session?.user.email ?? '';
  const profile = useProfileQuery(useUserId()).data;
  return <SavedRepliesPage agentName={profile?.displayName || email} />;
}
