/** Query keys of the teams feature (`[feature, orgId, kind]`, see invalidateOrgQueries). */
export const teamKeys = {
  teams: (orgId: string) => ['teams', orgId, 'teams'] as const,
  people: (orgId: string) => ['teams', orgId, 'people'] as const,
  ticketCount: (teamId: string) => ['teams', 'team', teamId, 'ticket-count'] as const,
};
