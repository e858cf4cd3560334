import { Clock } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Ticket } from '../api/ticket-query.ts';
import { formatCountdown, slaClockState, type SlaState } from '../ticket-detail.utils.ts';

const STATE_CLASSES: Record<SlaState, string> = {
  ok: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  near_breach: 'border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  breached: 'border-red-400 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  paused: 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200',
};

/** The current time, re-rendered every `intervalMs`. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Running SLA clocks (first response, next response, resolution) counting down live. */
export function SlaChips({ ticket }: { ticket: Ticket }) {
  const now = useNow(1000);
  const paused = ticket.sla_paused_at !== null;
  const resolutionStart = ticket.reopened_at ?? ticket.created_at;
  const clocks = [
    { label: 'First response', due: ticket.first_response_due_at, start: ticket.created_at },
    { label: 'Next response', due: ticket.next_response_due_at, start: ticket.next_response_started_at ?? ticket.created_at },
    { label: 'Resolution', due: ticket.resolution_due_at, start: resolutionStart },
  ].filter((clock): clock is { label: string; due: string; start: string } => clock.due !== null);
  if (!clocks.length) return null;
  return (
    <ul aria-label="SLA clocks" className="flex flex-wrap gap-2">
      {clocks.map((clock) => {
        const { state, remainingMs } = slaClockState(clock.due, clock.start, now, paused);
        const time = formatCountdown(remainingMs);
        const text = state === 'breached' ? `overdue by ${time}` : state === 'paused' ? `paused, ${time} left` : `${time} left`;
        return (
          <li key={clock.label} data-sla-state={state} className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium ${STATE_CLASSES[state]}`}>
            <Clock aria-hidden className="h-3.5 w-3.5" />
            <span>
              {clock.label}: <span className="tabular-nums">{text}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
