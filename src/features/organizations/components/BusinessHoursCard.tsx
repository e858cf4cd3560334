import { useState } from 'react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import type { Organization } from '../../../hooks/use-current-org.ts';
import { useUpdateOrganizationMutation } from '../api/organization-update-mutation.ts';
import {
  businessHoursProblems,
  normalizeBusinessHours,
  parseBusinessHours,
  summarizeBusinessHours,
  WEEKDAYS,
  type BusinessHours,
  type TimeRange,
  type Weekday,
} from '../business-hours.utils.ts';
import { BusinessHoursDay } from './BusinessHoursDay.tsx';

/** The weekly opening hours, several ranges per day, in the organization's time zone. */
export function BusinessHoursCard({ org }: { org: Organization }) {
  const [hours, setHours] = useState<BusinessHours>(() => parseBusinessHours(org.business_hours));
  const [showProblems, setShowProblems] = useState(false);
  const update = useUpdateOrganizationMutation('Business hours saved');
  const problems = businessHoursProblems(hours);
  const invalid = Object.keys(problems).length > 0;

  const setDay = (day: Weekday, ranges: TimeRange[]) => setHours((current) => ({ ...current, [day]: ranges }));
  const save = () => {
    setShowProblems(true);
    if (!invalid) update.mutate({ orgId: org.id, changes: { business_hours: normalizeBusinessHours(hours) } });
  };

  return (
    <Card title="Business hours" description={`In ${org.time_zone.replaceAll('_', ' ')}. Currently: ${summarizeBusinessHours(parseBusinessHours(org.business_hours))}.`}>
      <div className="divide-y divide-slate-200 dark:divide-slate-800">
        {WEEKDAYS.map((day) => (
          <BusinessHoursDay key={day} day={day} ranges={hours[day] ?? []} problem={showProblems ? problems[day] : undefined} onChange={(ranges) => setDay(day, ranges)} />
        ))}
      </div>
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">A closing time of 00:00 means midnight at the end of the day.</p>
      {showProblems && invalid && (
        <div className="mt-3">
          <Alert>Some days need fixing before you can save.</Alert>
        </div>
      )}
      <div className="mt-4">
        <Button onClick={save} disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save business hours'}
        </Button>
      </div>
    </Card>
  );
}
