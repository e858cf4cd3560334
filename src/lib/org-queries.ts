import type { QueryClient } from '@tanstack/react-query';

/**
 * Features cache an organization's shared rows under `[feature, orgId, kind]` (the inbox's and the
 * ticket page's teams, both composers' saved replies…). After a settings page changes such rows, every
 * copy is refreshed, whichever feature holds it.
 */
export function invalidateOrgQueries(queryClient: QueryClient, orgId: string, kind: string): Promise<void> {
  return queryClient.invalidateQueries({ predicate: ({ queryKey }) => queryKey[1] === orgId && queryKey[2] === kind });
}
