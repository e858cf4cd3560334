import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { supabase } from '../../../lib/supabase.ts';
import { portalKeys } from './keys.ts';

/**
 * Follows a ticket's private topic (`ticket:<id>`, see the ticket-realtime migration): every change
 * to the ticket, its public replies or their files re-reads them under RLS. Payloads carry ids only.
 */
export function useLiveTicket(ticketId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!ticketId) return;
    let cancelled = false;
    const channel = supabase.channel(`ticket:${ticketId}`, { config: { private: true } });
    channel.on('broadcast', { event: '*' }, () => void queryClient.invalidateQueries({ queryKey: portalKeys.all }));
    void supabase.realtime.setAuth().then(() => {
      if (!cancelled) channel.subscribe();
    });
    return () => {
      cancelled = true;
      void supabase.removeChannel(channel);
    };
  }, [ticketId, queryClient]);
}
