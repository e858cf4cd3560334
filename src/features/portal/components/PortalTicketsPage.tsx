import { Inbox, Plus, Search } from 'lucide-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/Button.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUserId } from '../../../hooks/use-session.ts';
import { relativeTime } from '../../../lib/format.ts';
import { useFollowedTicketsQuery } from '../api/followed-tickets-query.ts';
import { useMyTicketsQuery, type MyTicket } from '../api/my-tickets-query.ts';
import { useStatusesQuery, type Status } from '../api/statuses-query.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** `/o/:slug/portal`: the tickets the customer raised, newest activity first, with a search kept in the URL. */
export function PortalTicketsPage() {
  const { org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [draft, setDraft] = useState(search);
  const tickets = useMyTicketsQuery(org.id, useUserId(), search);
  const statuses = useStatusesQuery(org.id);
  const rows = tickets.data?.pages.flat() ?? [];

  return (
    <>
      <PageHeader title="Your tickets" description={`Requests you raised with ${org.name}`}
        actions={<ButtonLink to="new"><Plus aria-hidden className="h-4 w-4" /> New ticket</ButtonLink>} />
      <form role="search" className="mb-4 flex items-end gap-2" onSubmit={(event) => {
        event.preventDefault();
        setParams(draft.trim() ? { q: draft.trim().slice(0, 500) } : {}, { replace: true });
      }}>
        <TextField label="Search your tickets" type="search" className="flex-1" value={draft} maxLength={500} onChange={(event) => setDraft(event.target.value)} />
        <Button type="submit" variant="secondary"><Search aria-hidden className="h-4 w-4" /> Search</Button>
      </form>
      {tickets.isPending && <SkeletonRows rows={4} label="your tickets" />}
      {tickets.isError && <Alert>{tickets.error.message}</Alert>}
      {tickets.isSuccess && rows.length === 0 && (
        <EmptyState icon={Inbox} title={search ? 'No tickets match this search' : 'You have not raised any tickets yet'}
          action={search ? <Button variant="secondary" onClick={() => (setDraft(''), setParams({}, { replace: true }))}>Clear search</Button>
            : <ButtonLink to="new">Raise a ticket</ButtonLink>}>
          {search ? 'Try other words.' : 'Tell us what is wrong and we will get back to you here.'}
        </EmptyState>
      )}
      {rows.length > 0 && <PortalTicketList label="Your tickets" tickets={rows} statuses={statuses.data} />}
      {tickets.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" onClick={() => void tickets.fetchNextPage()} disabled={tickets.isFetchingNextPage}>
            {tickets.isFetchingNextPage ? 'Loading…' : 'Show older tickets'}
          </Button>
        </div>
      )}
      {!search && <FollowedTickets statuses={statuses.data} />}
    </>
  );
}

/** Tickets the customer follows because a request of theirs was merged into them (hidden when none). */
function FollowedTickets({ statuses }: { statuses: Status[] | undefined }) {
  const { org } = useCurrentOrg();
  const followed = useFollowedTicketsQuery(org.id, useUserId());
  if (!followed.data?.length) return null;
  return (
    <section aria-labelledby="followed-title" className="mt-8">
      <h2 id="followed-title" className="text-base font-semibold text-slate-900 dark:text-slate-100">Tickets you follow</h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Requests of yours were merged into these: their replies reach you here.</p>
      <PortalTicketList label="Tickets you follow" tickets={followed.data} statuses={statuses} />
    </section>
  );
}

interface PortalTicketRow {
  id: string;
  number: string;
  subject: string;
  status_id: string;
  status_category: MyTicket['status_category'];
  updated_at: string;
}

function PortalTicketList({ label, tickets, statuses }: { label: string; tickets: PortalTicketRow[]; statuses: Status[] | undefined }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <Link to={`tickets/${ticket.number}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-800/60">
            <span className="min-w-0">
              <span className="block truncate font-medium text-slate-900 dark:text-slate-100">{ticket.subject}</span>
              <span className="text-xs text-slate-600 dark:text-slate-400">{ticket.number} · updated {relativeTime(ticket.updated_at)}</span>
            </span>
            <StatusBadge statusId={ticket.status_id} category={ticket.status_category} statuses={statuses} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
