import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { ticketKeys } from './keys.ts';

/** The caller's own views and the organization's shared views (RLS picks them), shared first. */
export async function fetchSavedViews(orgId: string, signal: AbortSignal) {
  return unwrap(
    await supabase
      .from('saved_views')
      .select('id, user_id, name, query, filters, sort, position')
      .eq('org_id', orgId)
      .order('user_id', { ascending: true, nullsFirst: true })
      .order('position')
      .order('name')
      .abortSignal(signal),
  );
}

export type SavedView = Awaited<ReturnType<typeof fetchSavedViews>>[number];

export function useSavedViewsQuery(orgId: string) {
  return useQuery({ queryKey: ticketKeys.views(orgId), queryFn: ({ signal }) => fetchSavedViews(orgId, signal) });
}
