const NON_FILTER_PARAMS = new Set(['select', 'order', 'limit', 'offset', 'columns', 'on_conflict', 'apikey']);

/**
 * Supabase loads `safeupdate` for API sessions: an UPDATE or DELETE without a WHERE clause fails.
 * Embedded Postgres lacks the extension, so the gateway refuses the REST calls that would issue one.
 */
export function unfilteredWriteError(method: string, service: string, url: URL): object | null {
  if (service !== 'rest' || (method !== 'PATCH' && method !== 'DELETE')) return null;
  if (url.pathname.startsWith('/rpc/')) return null;
  for (const key of url.searchParams.keys()) {
    if (!NON_FILTER_PARAMS.has(key)) return null;
  }
  const verb = method === 'PATCH' ? 'UPDATE' : 'DELETE';
  return { code: '21000', details: null, hint: null, message: `${verb} requires a WHERE clause` };
}
