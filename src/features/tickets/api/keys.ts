import type { SearchFilters, ViewSort } from '../tickets.utils.ts';

export interface TicketSearch {
  query: string;
  filters: SearchFilters;
  sort: ViewSort;
}

export const ticketKeys = {
  all: ['tickets'] as const,
  lists: (orgId: string) => ['tickets', orgId, 'list'] as const,
  list: (orgId: string, search: TicketSearch) => ['tickets', orgId, 'list', search] as const,
  similar: (orgId: string, subject: string) => ['tickets', orgId, 'similar', subject] as const,
  views: (orgId: string) => ['tickets', orgId, 'views'] as const,
  statuses: (orgId: string) => ['tickets', orgId, 'statuses'] as const,
  teams: (orgId: string) => ['tickets', orgId, 'teams'] as const,
  fields: (orgId: string) => ['tickets', orgId, 'fields'] as const,
};
