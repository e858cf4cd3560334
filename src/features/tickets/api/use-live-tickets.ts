import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { listen } from '../../../lib/realtime-topics.ts';
import { ticketKeys } from './keys.ts';

/** A recent change by someone else, shown on its row for a few seconds. */
export interface LiveCue {
  ticketId: string;
  byUserId: string | null;
  operation: string;
}

const CUE_MS = 8000;
const REFETCH_DELAY_MS = 150;

interface TicketChange {
  ticket_id?: string;
  updated_by?: string | null;
  author_id?: string | null;
  operation?: string;
}

/**
 * Follows the organization's private ticket topic (org:<id>:tickets, authorized by RLS on
 * realtime.messages for staff with tickets.view). Payloads carry ids only: the list refetches under
 * RLS, and changes made by others get a cue.
 */
export function useLiveTickets(orgId: string, userId: string | null): Map<string, LiveCue> {
  const queryClient = useQueryClient();
  const [cues, setCues] = useState<Map<string, LiveCue>>(new Map());

  useEffect(() => {
    let refetchTimer: ReturnType<typeof setTimeout> | undefined;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const onChange = (change: TicketChange, operation: string) => {
      clearTimeout(refetchTimer);
      refetchTimer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ticketKeys.lists(orgId) }), REFETCH_DELAY_MS);
      const byUserId = change.updated_by ?? change.author_id ?? null;
      const ticketId = change.ticket_id;
      if (!ticketId || (byUserId && byUserId === userId)) return;
      setCues((current) => new Map(current).set(ticketId, { ticketId, byUserId, operation }));
      const timer = setTimeout(() => {
        timers.delete(timer);
        setCues((current) => {
          const next = new Map(current);
          next.delete(ticketId);
          return next;
        });
      }, CUE_MS);
      timers.add(timer);
    };
    const { stop } = listen(`org:${orgId}:tickets`, (event, payload) => {
      if (event === 'ticket_changed') onChange(payload as TicketChange, (payload as TicketChange).operation ?? 'UPDATE');
      else if (event === 'comment_changed') onChange(payload as TicketChange, 'COMMENT');
    });
    return () => {
      clearTimeout(refetchTimer);
      for (const timer of timers) clearTimeout(timer);
      stop();
    };
  }, [orgId, userId, queryClient]);

  return cues;
}
