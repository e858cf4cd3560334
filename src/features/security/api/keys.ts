export const securityKeys = {
  all: ['security'] as const,
  sessions: (userId: string) => ['security', userId, 'sessions'] as const,
  factors: (userId: string) => ['security', userId, 'factors'] as const,
};
