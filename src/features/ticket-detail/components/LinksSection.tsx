import { Plus, X } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Button } from '../../../components/ui/Button.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useLinksQuery } from '../api/conversation-queries.ts';
import { useRemoveLinkMutation } from '../api/ticket-mutations.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { LINK_KIND_LABELS } from './LinkDialog.tsx';

/** Tickets linked to this one, either way round. */
export function LinksSection({ ticket, onAdd }: { ticket: Ticket; onAdd?: () => void }) {
  const { org } = useCurrentOrg();
  const canManage = useCan('tickets.manage');
  const links = useLinksQuery(ticket.id);
  const remove = useRemoveLinkMutation(ticket);
  return (
    <section aria-labelledby="ticket-links-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="ticket-links-heading" className="text-sm font-semibold text-slate-900 dark:text-slate-100">
          Linked tickets
        </h2>
        {onAdd && (
          <Button variant="ghost" size="sm" onClick={onAdd}>
            <Plus aria-hidden className="h-4 w-4" /> Add link
          </Button>
        )}
      </div>
      {links.isPending && <p className="text-sm text-slate-600 dark:text-slate-400">Loading links…</p>}
      {links.isError && <p className="text-sm text-red-700 dark:text-red-400">{links.error.message}</p>}
      {links.data?.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No linked tickets.</p>}
      {links.data && links.data.length > 0 && (
        <ul className="space-y-2">
          {links.data.map((link) => (
            <li key={link.linkId} className="flex items-start gap-2 text-sm">
              <div className="min-w-0 flex-1">
                <p className="text-xs text-slate-600 dark:text-slate-400">{LINK_KIND_LABELS[link.kind][link.outgoing ? 'outgoing' : 'incoming']}</p>
                <Link to={`/o/${org.slug}/tickets/${link.other.number}`} className="block truncate text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
                  <span className="font-mono text-xs">{link.other.number}</span> {link.other.subject}
                </Link>
              </div>
              {canManage && (
                <button
                  type="button"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(link.linkId)}
                  className="rounded p-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                >
                  <X aria-hidden className="h-4 w-4" />
                  <span className="sr-only">Remove the link to {link.other.number}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
