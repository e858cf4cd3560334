import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { portalKeys } from './keys.ts';

/** A ticket of the organization by its number (null when it does not exist or is not the caller's to see). */
export async function fetchPortalTicket(orgId: string, number: string, signal: AbortSignal) {
  const { data, error } = await supabase
    .from('tickets')
    .select('id, org_id, number, subject, description, priority, status_id, status_category, resolved_at, closed_at, created_at, updated_at, reopen_reason')
    .eq('org_id', orgId)
    .eq('number', number)
    .abortSignal(signal)
    .maybeSingle();
  if (error) unwrap({ data, error });
  return data;
}

export type PortalTicket = NonNullable<Awaited<ReturnType<typeof fetchPortalTicket>>>;

export function usePortalTicketQuery(orgId: string, number: string) {
  return useQuery({ queryKey: portalKeys.ticket(orgId, number), queryFn: ({ signal }) => fetchPortalTicket(orgId, number, signal) });
}
