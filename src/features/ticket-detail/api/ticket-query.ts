import { useQuery } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase.ts';
import type { Tables } from '../../../types/database.ts';
import { isUuid } from '../ticket-detail.utils.ts';
import { ticketDetailKeys } from './keys.ts';
import { unwrapMaybe } from './unwrap-maybe.ts';

export type Ticket = Tables<'tickets'>;

/**
 * One ticket of the organization by its number (ACME-20261122-0001) or id; null when it does not
 * exist or the caller cannot read it (RLS answers both the same way).
 */
export async function fetchTicket(orgId: string, ref: string, signal: AbortSignal): Promise<Ticket | null> {
  const column = isUuid(ref) ? 'id' : 'number';
  return unwrapMaybe(await supabase.from('tickets').select('*').eq('org_id', orgId).eq(column, ref.toUpperCase()).abortSignal(signal).maybeSingle());
}

export function useTicketQuery(orgId: string, ref: string) {
  return useQuery({ queryKey: ticketDetailKeys.ticket(orgId, ref), queryFn: ({ signal }) => fetchTicket(orgId, ref, signal) });
}
