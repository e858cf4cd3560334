import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { portalKeys } from './keys.ts';

/** The organization's statuses (names shown to customers; defaults used to reopen and close). */
export async function fetchStatuses(orgId: string, signal: AbortSignal) {
  return unwrap(await supabase.from('ticket_statuses').select('id, name, category, is_default').eq('org_id', orgId).abortSignal(signal));
}

export type Status = Awaited<ReturnType<typeof fetchStatuses>>[number];

export function useStatusesQuery(orgId: string) {
  return useQuery({ queryKey: portalKeys.statuses(orgId), queryFn: ({ signal }) => fetchStatuses(orgId, signal), staleTime: 300_000 });
}
