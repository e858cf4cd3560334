import type { DateRange } from '../metrics.schema.ts';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  metrics: (orgId: string, range: DateRange) => ['dashboard', orgId, range.from, range.to] as const,
};
