import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listen } from '../../../lib/realtime-topics.ts';
import { portalKeys } from './keys.ts';

/**
 * Follows a ticket's private topic (`ticket:<id>`, see the ticket-realtime migration): every change
 * to the ticket, its public replies or their files re-reads them under RLS. Payloads carry ids only.
 */
export function useLiveTicket(ticketId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!ticketId) return;
    return listen(`ticket:${ticketId}`, () => void queryClient.invalidateQueries({ queryKey: portalKeys.all })).stop;
  }, [ticketId, queryClient]);
}
