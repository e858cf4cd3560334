export const memberKeys = {
  all: ['members'] as const,
  list: (orgId: string) => ['members', orgId, 'list'] as const,
  invitations: (orgId: string) => ['members', orgId, 'invitations'] as const,
};
