import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { metricsSchema, type DateRange, type Metrics } from '../metrics.schema.ts';
import { dashboardKeys } from './keys.ts';

/** Every dashboard metric of an organization over a range of its local days (members with analytics.view). */
export async function fetchTicketMetrics(orgId: string, range: DateRange, signal: AbortSignal): Promise<Metrics> {
  const data = unwrap(await supabase.rpc('get_ticket_metrics', { org_id: orgId, from_day: range.from, to_day: range.to }).abortSignal(signal));
  const parsed = metricsSchema.safeParse(data);
  if (!parsed.success) throw new AppError('The metrics could not be read. Reload the page to try again.');
  return parsed.data;
}

export function useTicketMetricsQuery(orgId: string, range: DateRange) {
  return useQuery({
    queryKey: dashboardKeys.metrics(orgId, range),
    queryFn: ({ signal }) => fetchTicketMetrics(orgId, range, signal),
    // a new range keeps the previous charts on screen until its numbers arrive
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
