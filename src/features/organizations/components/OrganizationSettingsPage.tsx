import { PageHeader } from '../../../components/ui/Card.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { BusinessHoursCard } from './BusinessHoursCard.tsx';
import { HolidaysCard } from './HolidaysCard.tsx';
import { OrganizationDetailsCard } from './OrganizationDetailsCard.tsx';

/** Name, address, brand, time zone, business hours and holidays (org.manage). */
export function OrganizationSettingsPage() {
  const { org } = useCurrentOrg();
  return (
    <>
      <PageHeader title="Organization" description="How your organization appears, and when your team is open." />
      <div className="space-y-6">
        <OrganizationDetailsCard key={org.updated_at} org={org} />
        <BusinessHoursCard key={`hours-${org.updated_at}`} org={org} />
        <HolidaysCard orgId={org.id} />
      </div>
    </>
  );
}
