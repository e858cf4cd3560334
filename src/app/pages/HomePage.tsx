import { Card, PageHeader } from '../../components/ui/Card.tsx';
import { useInvitationsQuery } from '../../features/members/api/invitations-query.ts';
import { useMembersQuery } from '../../features/members/api/members-query.ts';
import { isDefaultBusinessHours, parseBusinessHours, summarizeBusinessHours } from '../../features/organizations/business-hours.utils.ts';
import { useProfileQuery } from '../../features/profile/api/profile-query.ts';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';
import { useUserId } from '../../hooks/use-session.ts';
import { buildChecklist } from '../checklist.ts';
import { OnboardingChecklist } from './OnboardingChecklist.tsx';

/** The organization's home: getting-started steps and the essentials at a glance. */
export function HomePage() {
  const { org, role, permissions } = useCurrentOrg();
  const profile = useProfileQuery(useUserId());
  const members = useMembersQuery(org.id, { enabled: permissions.has('members.view') });
  const invitations = useInvitationsQuery(org.id, { enabled: permissions.has('members.manage') });
  const hours = parseBusinessHours(org.business_hours);
  const teammates = members.data ? members.data.length + (invitations.data?.length ?? 0) : null;
  const steps = buildChecklist(
    { teammates, businessHoursSet: !isDefaultBusinessHours(hours), avatarUploaded: profile.data ? profile.data.avatarPath !== null : null },
    permissions,
  );
  const firstName = profile.data?.displayName.split(' ')[0];

  return (
    <>
      <PageHeader title={firstName ? `Welcome, ${firstName}` : 'Welcome'} description={`${org.name} · ${role.name}`} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <OnboardingChecklist steps={steps} loading={profile.isPending || (members.isPending && members.fetchStatus !== 'idle')} />
        <Card title="At a glance">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-600 dark:text-slate-400">Your role</dt>
              <dd className="font-medium">{role.name}</dd>
            </div>
            {members.data && (
              <div>
                <dt className="text-slate-600 dark:text-slate-400">Members</dt>
                <dd className="font-medium">{members.data.length}</dd>
              </div>
            )}
            <div>
              <dt className="text-slate-600 dark:text-slate-400">Time zone</dt>
              <dd className="font-medium">{org.time_zone.replaceAll('_', ' ')}</dd>
            </div>
            <div>
              <dt className="text-slate-600 dark:text-slate-400">Business hours</dt>
              <dd className="font-medium">{summarizeBusinessHours(hours)}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}
