import { useInfiniteQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Json } from '../../../types/database.ts';
import { ticketKeys, type TicketSearch } from './keys.ts';

export const TICKET_PAGE_SIZE = 50;

/** One page of search_tickets, as the caller (RLS decides what is found), after the last row's cursor. */
export async function fetchTicketPage(orgId: string, search: TicketSearch, after: Json | null, pageSize: number, signal: AbortSignal) {
  return unwrap(
    await supabase
      .rpc('search_tickets', {
        org_id: orgId,
        query: search.query.trim() || undefined,
        filters: search.filters,
        sort: search.sort,
        after: after ?? undefined,
        page_size: pageSize,
      })
      .abortSignal(signal),
  );
}

export type TicketHit = Awaited<ReturnType<typeof fetchTicketPage>>[number];

/** The list's pages; the next page starts after the last row's `cursor` (keyset pagination). */
export function useTicketListQuery(orgId: string, search: TicketSearch) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(orgId, search),
    initialPageParam: null as Json | null,
    queryFn: ({ pageParam, signal }) => fetchTicketPage(orgId, search, pageParam, TICKET_PAGE_SIZE, signal),
    getNextPageParam: (page) => (page.length === TICKET_PAGE_SIZE ? (page[page.length - 1]?.cursor ?? undefined) : undefined),
    placeholderData: (previous) => previous,
  });
}
