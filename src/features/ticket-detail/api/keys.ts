export const ticketDetailKeys = {
  all: ['ticket-detail'] as const,
  ticket: (orgId: string, ref: string) => ['ticket-detail', orgId, 'ticket', ref] as const,
  comments: (ticketId: string) => ['ticket-detail', 'ticket', ticketId, 'comments'] as const,
  events: (ticketId: string) => ['ticket-detail', 'ticket', ticketId, 'events'] as const,
  links: (ticketId: string) => ['ticket-detail', 'ticket', ticketId, 'links'] as const,
  draft: (ticketId: string) => ['ticket-detail', 'ticket', ticketId, 'draft'] as const,
  lifecycle: (orgId: string) => ['ticket-detail', orgId, 'lifecycle'] as const,
  people: (orgId: string) => ['ticket-detail', orgId, 'people'] as const,
  teams: (orgId: string) => ['ticket-detail', orgId, 'teams'] as const,
  fields: (orgId: string) => ['ticket-detail', orgId, 'fields'] as const,
  savedReplies: (orgId: string) => ['ticket-detail', orgId, 'saved-replies'] as const,
  search: (orgId: string, query: string) => ['ticket-detail', orgId, 'search', query] as const,
};
