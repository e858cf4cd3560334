import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { portalKeys } from './keys.ts';

type StatusChange = { ticketId: string; statusId: string } & ({ action: 'reopen'; reason: string } | { action: 'close' });

/** Reopens a resolved ticket with a reason, or closes it (the lifecycle rules are the database's). */
export async function changeTicketStatus(change: StatusChange) {
  const fields = change.action === 'reopen' ? { status_id: change.statusId, reopen_reason: change.reason } : { status_id: change.statusId };
  return unwrap(await supabase.from('tickets').update(fields).eq('id', change.ticketId).select('id').single());
}

export function useTicketStatusMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeTicketStatus,
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.all }),
  });
}
