import { useInfiniteQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { dayRange, keysetFilter, type AuditCursor } from '../audit.utils.ts';
import { auditKeys } from './keys.ts';

export const AUDIT_PAGE_SIZE = 25;
/** Filter value for entries written by the system (no actor). */
export const SYSTEM_ACTOR = 'system';

export interface AuditFilters {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** One page of the log, newest first, continuing after `cursor` (keyset pagination on created_at, id). */
export async function fetchAuditPage(orgId: string, filters: AuditFilters, cursor: AuditCursor | null, signal: AbortSignal) {
  let query = supabase
    .from('audit_logs')
    .select('id, created_at, actor_id, action, target_type, target_id, before, after, ip')
    .eq('org_id', orgId);
  if (filters.action) query = query.eq('action', filters.action);
  if (filters.actor === SYSTEM_ACTOR) query = query.is('actor_id', null);
  else if (filters.actor) query = query.eq('actor_id', filters.actor);
  const { gte, lt } = dayRange(filters.from, filters.to);
  if (gte) query = query.gte('created_at', gte);
  if (lt) query = query.lt('created_at', lt);
  if (cursor) query = query.or(keysetFilter(cursor));
  return unwrap(await query.order('created_at', { ascending: false }).order('id', { ascending: false }).limit(AUDIT_PAGE_SIZE).abortSignal(signal));
}

export type AuditEntry = Awaited<ReturnType<typeof fetchAuditPage>>[number];

export function useAuditLogQuery(orgId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(orgId, filters),
    initialPageParam: null as AuditCursor | null,
    queryFn: ({ pageParam, signal }) => fetchAuditPage(orgId, filters, pageParam, signal),
    getNextPageParam: (page): AuditCursor | undefined => {
      const last = page[page.length - 1];
      return page.length === AUDIT_PAGE_SIZE && last ? { createdAt: last.created_at, id: last.id } : undefined;
    },
  });
}
