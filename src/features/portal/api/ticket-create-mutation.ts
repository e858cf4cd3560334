import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { NewTicketValues } from '../portal.schema.ts';
import { portalKeys } from './keys.ts';
import { attachAfterSaving } from './upload-attachments.ts';

interface CreateTicketInput extends NewTicketValues {
  orgId: string;
  files: File[];
  onProgress: (index: number, fraction: number) => void;
}

/**
 * Raises a ticket for the caller, then attaches its files. The ticket exists once inserted, so a
 * refused file is reported with it (to add in a reply) rather than failing the whole request.
 */
export async function createPortalTicket({ orgId, subject, description, priority, files, onProgress }: CreateTicketInput) {
  const ticket = unwrap(await supabase.from('tickets').insert({ org_id: orgId, subject, description, priority }).select('id, number').single());
  return { ...ticket, uploadError: await attachAfterSaving({ orgId, ticketId: ticket.id }, files, onProgress) };
}

export function useCreatePortalTicketMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPortalTicket,
    meta: { successMessage: 'Ticket sent. We will reply here and by email.' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.all }),
  });
}
