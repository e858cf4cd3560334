import { Link } from 'react-router-dom';
import { Badge } from '../../../components/ui/Badge.tsx';
import { relativeTime } from '../../../lib/format.ts';
import type { TicketHit } from '../api/ticket-list-query.ts';
import { CATEGORY_LABELS, type Priority, type SlaState, type StatusCategory } from '../tickets.utils.ts';
import { PriorityBadge, SlaBadge } from './TicketBadges.tsx';

interface TicketRowProps {
  ticket: TicketHit;
  href: string;
  active: boolean;
  selected: boolean;
  statusName: string;
  requesterName: string;
  assigneeName: string | null;
  cue: { who: string; operation: string } | null;
  onSelect: (selected: boolean) => void;
  onFocus: () => void;
}

const cueText = (cue: { who: string; operation: string }) =>
  cue.operation === 'INSERT' ? `New, by ${cue.who}` : cue.operation === 'COMMENT' ? `Reply by ${cue.who}` : `Updated by ${cue.who}`;

/** One ticket of the list; the active row (j/k) is outlined, live changes by others are flagged. */
export function TicketRow({ ticket, href, active, selected, statusName, requesterName, assigneeName, cue, onSelect, onFocus }: TicketRowProps) {
  const running = Boolean(ticket.first_response_due_at || ticket.next_response_due_at || ticket.resolution_due_at);
  return (
    <tr data-ticket-id={ticket.id} data-active={active || undefined} onClick={onFocus}
      className={`border-t border-slate-200 dark:border-slate-800 ${active ? 'bg-slate-50 outline outline-2 -outline-offset-2 outline-brand-500 dark:bg-slate-800/60' : ''} ${selected ? 'bg-brand-50/60 dark:bg-brand-900/50' : ''}`}>
      <td className="w-10 px-3 py-2">
        <input type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} className="h-4 w-4 accent-brand-600"
          aria-label={`Select ${ticket.number}`} />
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap items-center gap-2">
          <Link to={href} className="font-medium text-slate-900 hover:underline focus:underline dark:text-slate-50" onFocus={onFocus}>
            {ticket.subject}
          </Link>
          {cue && <span className="animate-pulse"><Badge tone="brand">{cueText(cue)}</Badge></span>}
        </div>
        <p className="mt-0.5 truncate text-xs text-slate-600 dark:text-slate-400">
          <span className="font-mono">{ticket.number}</span> · {requesterName}
          {ticket.tags && ticket.tags.length > 0 && <> · {ticket.tags.map((tag) => `#${tag}`).join(' ')}</>}
        </p>
        {ticket.headline && <p className="mt-0.5 line-clamp-2 text-xs text-slate-600 dark:text-slate-400"><Headline text={ticket.headline} /></p>}
      </td>
      <td className="px-3 py-2 text-sm text-slate-700 dark:text-slate-300">
        {statusName}
        <span className="sr-only"> ({CATEGORY_LABELS[ticket.status_category as StatusCategory]})</span>
      </td>
      <td className="whitespace-nowrap px-3 py-2"><PriorityBadge priority={ticket.priority as Priority} /></td>
      <td className="whitespace-nowrap px-3 py-2"><SlaBadge state={ticket.sla_state as SlaState} running={running} /></td>
      <td className="px-3 py-2 text-sm text-slate-700 dark:text-slate-300">{assigneeName ?? <span className="text-slate-500 dark:text-slate-400">Unassigned</span>}</td>
      <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-600 dark:text-slate-400">
        <time dateTime={ticket.updated_at ?? undefined}>{ticket.updated_at ? relativeTime(ticket.updated_at) : ''}</time>
      </td>
    </tr>
  );
}

/** A search snippet: matches come marked <b>…</b>; the text is split, never parsed as HTML. */
function Headline({ text }: { text: string }) {
  return text.split(/(<b>.*?<\/b>)/g).map((part, index) =>
    part.startsWith('<b>') && part.endsWith('</b>')
      ? <mark key={index} className="bg-amber-100 text-inherit dark:bg-amber-900">{part.slice(3, -4)}</mark>
      : part);
}
