import { AlertTriangle, Clock, ShieldCheck } from 'lucide-react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { PRIORITY_LABELS, SLA_LABELS, type Priority, type SlaState } from '../tickets.utils.ts';

const PRIORITY_TONES = { urgent: 'danger', high: 'warning', medium: 'neutral', low: 'neutral' } as const;

export function PriorityBadge({ priority }: { priority: Priority }) {
  return <Badge tone={PRIORITY_TONES[priority]}>{PRIORITY_LABELS[priority]}</Badge>;
}

const SLA_LOOK = {
  ok: { tone: 'success', icon: ShieldCheck },
  near_breach: { tone: 'warning', icon: Clock },
  breached: { tone: 'danger', icon: AlertTriangle },
} as const;

/** The SLA state of a ticket with a running clock (nothing once no clock runs). */
export function SlaBadge({ state, running }: { state: SlaState; running: boolean }) {
  if (!running) return <span className="text-xs text-slate-500 dark:text-slate-400">—</span>;
  const { tone, icon: Icon } = SLA_LOOK[state];
  return (
    <Badge tone={tone}>
      <Icon aria-hidden className="mr-1 h-3 w-3" />
      {SLA_LABELS[state]}
    </Badge>
  );
}
