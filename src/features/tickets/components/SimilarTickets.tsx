import { Link } from 'react-router-dom';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/ui/Card.tsx';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useSimilarTicketsQuery } from '../api/similar-tickets-query.ts';
import { CATEGORY_LABELS, type StatusCategory } from '../tickets.utils.ts';

const TYPING_DELAY_MS = 400;

/** Open tickets like the one being written (searched once typing pauses), to avoid duplicates. */
export function SimilarTickets({ subject }: { subject: string }) {
  const { org } = useCurrentOrg();
  const [settled, setSettled] = useState(subject);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(subject), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [subject]);
  const similar = useSimilarTicketsQuery(org.id, settled);
  const tickets = similar.data ?? [];
  return (
    <aside aria-label="Similar open tickets" aria-live="polite">
      <Card title="Similar open tickets">
        {!similar.isEnabled && <p className="text-sm text-slate-600 dark:text-slate-400">Type a subject to look for tickets like it.</p>}
        {similar.isEnabled && similar.isFetching && tickets.length === 0 && <Spinner label="Looking for similar tickets" inline />}
        {similar.isError && <p className="text-sm text-red-700 dark:text-red-400">{similar.error.message}</p>}
        {similar.isSuccess && tickets.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No open ticket looks like this one.</p>}
        {tickets.length > 0 && (
          <ul className="space-y-2">
            {tickets.map((ticket) => (
              <li key={ticket.id}>
                <Link to={`/o/${org.slug}/tickets/${encodeURIComponent(ticket.number!)}`} className="block rounded-md p-2 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
                  <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{ticket.number}</span>
                  <span className="block font-medium text-slate-900 dark:text-slate-50">{ticket.subject}</span>
                  <span className="text-xs text-slate-600 dark:text-slate-400">{CATEGORY_LABELS[ticket.status_category as StatusCategory]}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </aside>
  );
}
