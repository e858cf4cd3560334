import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { organizationKeys } from './keys.ts';

export async function fetchHolidays(orgId: string, signal: AbortSignal) {
  return unwrap(await supabase.from('organization_holidays').select('id, day, name').eq('org_id', orgId).order('day').abortSignal(signal));
}

export function useHolidaysQuery(orgId: string) {
  return useQuery({ queryKey: organizationKeys.holidays(orgId), queryFn: ({ signal }) => fetchHolidays(orgId, signal) });
}
