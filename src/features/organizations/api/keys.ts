/** Query keys of the organizations feature. */
export const organizationKeys = {
  all: ['organizations'] as const,
  memberships: (userId: string) => ['organizations', 'memberships', userId] as const,
  holidays: (orgId: string) => ['organizations', orgId, 'holidays'] as const,
};
