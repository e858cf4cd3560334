import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { portalKeys } from './keys.ts';

const followedSchema = z.object({
  ticket: z.object({
    id: z.string(),
    number: z.string(),
    subject: z.string(),
    status_id: z.string(),
    status_category: z.enum(['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed']),
    updated_at: z.string(),
  }),
});

/** Tickets the caller follows (a request of theirs was merged into each), most recently followed first. */
export async function fetchFollowedTickets(orgId: string, userId: string, signal: AbortSignal) {
  const rows = unwrap(await supabase
    .from('ticket_followers')
    .select('ticket:tickets!inner(id, number, subject, status_id, status_category, updated_at)')
    .eq('org_id', orgId)
    .eq('user_id', userId)
    .order('created_at', { ascending: false })
    .limit(50)
    .abortSignal(signal));
  return z.array(followedSchema).parse(rows).map((row) => row.ticket);
}

export function useFollowedTicketsQuery(orgId: string, userId: string) {
  return useQuery({ queryKey: portalKeys.followed(orgId, userId), queryFn: ({ signal }) => fetchFollowedTickets(orgId, userId, signal) });
}
