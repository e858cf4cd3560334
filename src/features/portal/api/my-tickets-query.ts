import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { portalKeys } from './keys.ts';

export const PORTAL_PAGE_SIZE = 25;

/** search_tickets returns a composite type whose fields the generated types leave nullable: checked here. */
const myTicketSchema = z.object({
  id: z.string(),
  number: z.string(),
  subject: z.string(),
  status_id: z.string(),
  status_category: z.enum(['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed']),
  updated_at: z.string(),
  rank: z.number().nullable(),
});

type Cursor = { updated_at: string; id: string } | { rank: number; id: string };

/** One page of the tickets the caller raised, newest activity first, or best matches of a search. */
export async function fetchMyTickets(orgId: string, userId: string, search: string, after: Cursor | null, signal: AbortSignal) {
  const rows = unwrap(await supabase
    .rpc('search_tickets', { org_id: orgId, query: search || undefined, filters: { requester_id: userId }, after: after ?? undefined, page_size: PORTAL_PAGE_SIZE })
    .select('id, number, subject, status_id, status_category, updated_at, rank')
    .abortSignal(signal));
  return z.array(myTicketSchema).parse(rows);
}

export type MyTicket = z.infer<typeof myTicketSchema>;

export function useMyTicketsQuery(orgId: string, userId: string, search: string) {
  return useInfiniteQuery({
    queryKey: portalKeys.tickets(orgId, userId, search),
    initialPageParam: null as Cursor | null,
    queryFn: ({ pageParam, signal }) => fetchMyTickets(orgId, userId, search, pageParam, signal),
    getNextPageParam: (page): Cursor | undefined => {
      const last = page[page.length - 1];
      if (page.length < PORTAL_PAGE_SIZE || !last) return undefined;
      return search && last.rank !== null ? { rank: last.rank, id: last.id } : { updated_at: last.updated_at, id: last.id };
    },
  });
}
