import { useQuery } from '@tanstack/react-query';
import { ticketKeys } from './keys.ts';
import { fetchTicketPage } from './ticket-list-query.ts';

const OPEN = ['open', 'in_progress', 'waiting_on_customer'];

/** Open tickets whose text matches a subject being typed (at most five, most relevant first). */
export function useSimilarTicketsQuery(orgId: string, subject: string) {
  // words only: a subject is not meant as search syntax ("-", quotes)
  const query = subject.replace(/[^\p{L}\p{N}\s]+/gu, ' ').trim();
  return useQuery({
    queryKey: ticketKeys.similar(orgId, query),
    queryFn: ({ signal }) =>
      // "or" between the words: a ticket sharing any meaningful word is a candidate
      fetchTicketPage(orgId, { query: query.split(/\s+/).join(' or '), filters: { status_category: OPEN }, sort: 'relevance' }, null, 5, signal),
    enabled: query.length >= 4,
    staleTime: 60_000,
  });
}
