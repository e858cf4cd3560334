import { PageHeader } from '../../../components/ui/Card.tsx';
import { ChangePasswordCard } from './ChangePasswordCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';
import { TwoFactorCard } from './TwoFactorCard.tsx';

/** Password, two-step verification and signed-in devices. */
export function SecurityPage() {
  return (
    <>
      <PageHeader title="Security" description="Keep your account safe." />
      <div className="space-y-6">
        <ChangePasswordCard />
        <TwoFactorCard />
        <SessionsCard />
      </div>
    </>
  );
}
