import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { listen } from '../../../lib/realtime-topics.ts';
import { refreshTicket } from './ticket-mutations.ts';
import type { Ticket } from './ticket-query.ts';

export type LiveEvent = 'ticket_changed' | 'comment_changed' | 'attachment_changed' | 'link_changed';

/** Who made a change that arrived live (null when the broadcast does not say). */
function actorOf(event: string, payload: Record<string, unknown>): string | null {
  const actor = event === 'ticket_changed' ? payload.updated_by : event === 'comment_changed' ? payload.author_id : null;
  return typeof actor === 'string' ? actor : null;
}

/**
 * Follows the ticket's private topics (ticket:<id>, and ticket:<id>:staff for staff): every broadcast
 * refetches the ticket's data under RLS (payloads carry ids only), and changes made by someone else
 * are reported to `onRemoteChange`. Refetching never touches what the user is typing: drafts and
 * inline edits live in component state.
 */
export function useTicketLive(
  ticket: Pick<Ticket, 'id' | 'org_id'>,
  options: { staff: boolean; userId: string; onRemoteChange: (actorId: string, event: LiveEvent) => void },
) {
  const queryClient = useQueryClient();
  const onRemoteChange = useRef(options.onRemoteChange);
  useEffect(() => {
    onRemoteChange.current = options.onRemoteChange;
  });
  const { staff, userId } = options;
  const { id, org_id } = ticket;

  useEffect(() => {
    const topics = staff ? [`ticket:${id}`, `ticket:${id}:staff`] : [`ticket:${id}`];
    const subscriptions = topics.map((topic) =>
      listen(topic, (event, payload) => {
        refreshTicket(queryClient, { id, org_id });
        const actor = actorOf(event, payload);
        if (actor && actor !== userId) onRemoteChange.current(actor, event as LiveEvent);
      }),
    );
    return () => {
      for (const subscription of subscriptions) subscription.stop();
    };
  }, [id, org_id, staff, userId, queryClient]);
}
