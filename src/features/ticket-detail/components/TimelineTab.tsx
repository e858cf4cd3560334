import { History } from 'lucide-react';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Badge } from '../../../components/ui/Badge.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { formatDateTime, relativeTime } from '../../../lib/format.ts';
import { useTicketEventsQuery } from '../api/conversation-queries.ts';
import { useTeamsQuery, type PeopleDirectory } from '../api/reference-data-queries.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { describeEvent, type TimelineEvent } from '../ticket-detail.utils.ts';

/** The ticket's immutable history, newest first: who did what, with before → after. */
export function TimelineTab({ ticket, directory }: { ticket: Ticket; directory: PeopleDirectory }) {
  const { org } = useCurrentOrg();
  const events = useTicketEventsQuery(ticket.id, true);
  const teams = useTeamsQuery(org.id).data ?? [];
  const teamName = (id: unknown) => (id ? (teams.find((t) => t.id === id)?.name ?? 'a team') : 'no team');
  if (events.isPending) return <SkeletonRows label="the timeline" />;
  if (events.isError) return <Alert title="The timeline could not be loaded">{events.error.message}</Alert>;
  if (!events.data.length) return <EmptyState icon={History} title="Nothing has happened yet" />;
  return (
    <ol aria-label="Timeline" className="space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-800">
      {events.data.map((event) => {
        const { title, details } = describeEvent(event as TimelineEvent, directory.nameOf, teamName);
        return (
          <li key={event.id} className="text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900 dark:text-slate-100">{event.actor_id ? directory.nameOf(event.actor_id) : 'System'}</span>
              <span className="text-slate-700 dark:text-slate-300">{title}</span>
              {event.is_internal && <Badge>Staff only</Badge>}
              <time dateTime={event.created_at} title={formatDateTime(event.created_at)} className="text-xs text-slate-600 dark:text-slate-400">
                {relativeTime(event.created_at)}
              </time>
            </div>
            {details.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
                {details.map((line, index) => (
                  <li key={index} className="break-words">
                    {line}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
