import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Tables } from '../../../types/database.ts';
import { widgetKeys } from './keys.ts';

export type Widget = Tables<'widgets'>;

/** The organization's chat widgets, oldest first. */
export async function fetchWidgets(orgId: string, signal: AbortSignal): Promise<Widget[]> {
  return unwrap(await supabase.from('widgets').select('*').eq('org_id', orgId).order('created_at').abortSignal(signal));
}

export function useWidgetsQuery(orgId: string) {
  return useQuery({ queryKey: widgetKeys.list(orgId), queryFn: ({ signal }) => fetchWidgets(orgId, signal) });
}
