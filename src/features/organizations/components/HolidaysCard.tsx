import { zodResolver } from '@hookform/resolvers/zod';
import { CalendarOff, Trash2 } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/Button.tsx';
import { Card } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { formatDay } from '../../../lib/format.ts';
import { useAddHolidayMutation } from '../api/holiday-add-mutation.ts';
import { useRemoveHolidayMutation } from '../api/holiday-remove-mutation.ts';
import { useHolidaysQuery } from '../api/holidays-query.ts';
import { holidaySchema, type HolidayValues } from '../holiday.schema.ts';

/** Days the organization is closed although its weekly hours say open. */
export function HolidaysCard({ orgId }: { orgId: string }) {
  const holidays = useHolidaysQuery(orgId);
  const remove = useRemoveHolidayMutation(orgId);
  return (
    <Card title="Holidays" description="Closed days: no SLA clock runs on them.">
      {holidays.isPending && <SkeletonRows rows={2} label="holidays" />}
      {holidays.data?.length === 0 && (
        <EmptyState icon={CalendarOff} title="No holidays yet">
          Add the days your team is off, such as public holidays, with the form below.
        </EmptyState>
      )}
      {!!holidays.data?.length && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {holidays.data.map((holiday) => (
            <li key={holiday.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                <span className="font-medium text-slate-900 dark:text-slate-50">{holiday.name}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">{formatDay(holiday.day)}</span>
              </span>
              <Button variant="ghost" size="sm" onClick={() => remove.mutate(holiday.id)} disabled={remove.isPending}>
                <Trash2 aria-hidden className="h-4 w-4" />
                <span className="sr-only">Remove {holiday.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <AddHolidayForm orgId={orgId} />
    </Card>
  );
}

function AddHolidayForm({ orgId }: { orgId: string }) {
  const add = useAddHolidayMutation(orgId);
  const { register, handleSubmit, formState, reset } = useForm<HolidayValues>({ resolver: zodResolver(holidaySchema) });
  const onSubmit = handleSubmit(async (values) => {
    await add.mutateAsync(values).then(() => reset(), () => undefined);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <TextField label="Date" type="date" className="w-44" error={formState.errors.day?.message} {...register('day')} />
      <TextField label="Holiday name" className="min-w-[12rem] flex-1" placeholder="New Year's Day" error={formState.errors.name?.message} {...register('name')} />
      <Button type="submit" className="mt-6" disabled={formState.isSubmitting}>
        Add holiday
      </Button>
    </form>
  );
}
