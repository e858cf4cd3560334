import { createContext, useContext } from 'react';
import { allows, type PermissionRequirement, type PermissionSet } from '../lib/permissions.ts';
import type { Tables } from '../types/database.ts';

export type Organization = Tables<'organizations'>;

export interface CurrentOrg {
  org: Organization;
  role: { id: string; key: string; name: string; rank: number };
  permissions: PermissionSet;
}

export const CurrentOrgContext = createContext<CurrentOrg | null>(null);

/** The organization in the URL (`/o/:slug`) with the caller's role and permissions in it. */
export function useCurrentOrg(): CurrentOrg {
  const current = useContext(CurrentOrgContext);
  if (!current) throw new Error('useCurrentOrg() must be used inside an /o/:slug route');
  return current;
}

/** Whether the caller's role in the current organization satisfies a requirement. */
export function useCan(requirement: PermissionRequirement): boolean {
  return allows(useCurrentOrg().permissions, requirement);
}
