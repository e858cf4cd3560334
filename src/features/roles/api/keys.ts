export const roleKeys = {
  all: ['roles'] as const,
  list: (orgId: string) => ['roles', orgId] as const,
  catalog: () => ['roles', 'permission-catalog'] as const,
};
