export const portalKeys = {
  all: ['portal'] as const,
  tickets: (orgId: string, userId: string, search: string) => ['portal', orgId, 'tickets', userId, search] as const,
  followed: (orgId: string, userId: string) => ['portal', orgId, 'followed', userId] as const,
  ticket: (orgId: string, number: string) => ['portal', orgId, 'ticket', number] as const,
  conversation: (ticketId: string) => ['portal', 'conversation', ticketId] as const,
  statuses: (orgId: string) => ['portal', orgId, 'statuses'] as const,
};
