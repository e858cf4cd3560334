import { PageHeader } from '../../../components/ui/Card.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { useUserId } from '../../../hooks/use-session.ts';
import { useProfileQuery } from '../api/profile-query.ts';
import { AvatarCard } from './AvatarCard.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/** The signed-in user's name, language and picture. */
export function ProfilePage() {
  const userId = useUserId();
  const profile = useProfileQuery(userId);
  return (
    <>
      <PageHeader title="Profile" description="How your teammates and customers see you." />
      {profile.isPending && <SkeletonRows rows={2} label="your profile" />}
      {profile.isError && <Alert>{profile.error.message}</Alert>}
      {profile.data && (
        <div className="space-y-6">
          <AvatarCard profile={profile.data} />
          <ProfileForm key={profile.dataUpdatedAt} profile={profile.data} />
        </div>
      )}
    </>
  );
}
