import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { SearchFilters, ViewSort } from '../tickets.utils.ts';
import { ticketKeys } from './keys.ts';

export interface SaveViewInput {
  orgId: string;
  name: string;
  shared: boolean;
  query: string;
  filters: SearchFilters;
  sort: ViewSort;
  position: number;
}

/** Saves the current search as a view: the caller's own, or shared (the database checks who may share). */
export async function saveView(input: SaveViewInput) {
  return unwrap(
    await supabase
      .from('saved_views')
      .insert({
        org_id: input.orgId,
        // null shares the view; left out, the database makes the caller its owner
        ...(input.shared ? { user_id: null } : {}),
        name: input.name,
        query: input.query.trim() || null,
        filters: input.filters,
        sort: input.sort,
        position: input.position,
      })
      .select('id')
      .single(),
  );
}

export function useSaveViewMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveView,
    meta: { successMessage: 'View saved', silentError: true },
    onSuccess: (_view, input) => queryClient.invalidateQueries({ queryKey: ticketKeys.views(input.orgId) }),
  });
}
