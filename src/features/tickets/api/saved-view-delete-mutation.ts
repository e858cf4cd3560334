import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { ticketKeys } from './keys.ts';

/** Deletes a view the caller may change (their own; shared ones with tickets.manage). */
export async function deleteView({ viewId }: { orgId: string; viewId: string }) {
  const deleted = unwrap(await supabase.from('saved_views').delete().eq('id', viewId).select('id'));
  if (!deleted.length) throw new AppError('You cannot delete this view.');
}

export function useDeleteViewMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteView,
    meta: { successMessage: 'View deleted' },
    onSettled: (_result, _error, input) => queryClient.invalidateQueries({ queryKey: ticketKeys.views(input.orgId) }),
  });
}
