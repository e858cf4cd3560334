import type { AuditFilters } from './audit-log-query.ts';

export const auditKeys = {
  all: ['audit'] as const,
  list: (orgId: string, filters: AuditFilters) => ['audit', orgId, filters] as const,
};
