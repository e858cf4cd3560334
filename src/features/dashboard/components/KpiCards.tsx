import { formatMinutes, overallCompliance } from '../dashboard.utils.ts';
import type { Metrics } from '../metrics.schema.ts';

/** The headline numbers of the range. */
export function KpiCards({ metrics }: { metrics: Metrics }) {
  const { totals } = metrics;
  const compliance = overallCompliance(metrics.sla);
  const cards = [
    { label: 'Open now', value: String(totals.open), note: `${totals.unassigned_open} unassigned` },
    { label: 'Created', value: String(totals.created), note: 'in this range' },
    { label: 'Resolved', value: String(totals.resolved), note: 'in this range' },
    { label: 'Median first response', value: formatMinutes(totals.median_first_response_minutes), note: 'calendar time' },
    { label: 'Median resolution', value: formatMinutes(totals.median_resolution_minutes), note: 'calendar time' },
    { label: 'SLA compliance', value: compliance === null ? '—' : `${compliance}%`, note: 'targets met' },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
      {cards.map((card) => (
        <div key={card.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <dt className="text-sm text-slate-600 dark:text-slate-400">{card.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-50">{card.value}</dd>
          <dd className="text-xs text-slate-600 dark:text-slate-400">{card.note}</dd>
        </div>
      ))}
    </dl>
  );
}
