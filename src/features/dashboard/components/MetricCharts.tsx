import { BACKLOG_LABELS, compliancePercent, formatHours, formatMinutes, PRIORITY_LABELS, SLA_LABELS } from '../dashboard.utils.ts';
import type { Metrics } from '../metrics.schema.ts';
import { BarsChart } from './BarsChart.tsx';
import { ChartCard } from './ChartCard.tsx';

/** The bar charts of the dashboard: each turns one section of the metrics into a chart and its table. */

export function OpenByStatusChart({ rows }: { rows: Metrics['open_by_status'] }) {
  return (
    <ChartCard
      title="Open by status"
      description="Tickets not yet resolved, by their current status"
      empty={rows.length === 0 ? 'No open tickets' : undefined}
      table={{ columns: ['Status', 'Open tickets'], rows: rows.map((row) => [row.name, row.count]) }}
    >
      <BarsChart data={rows} labelKey="name" series={[{ key: 'count', name: 'Open tickets' }]} />
    </ChartCard>
  );
}

export function ResponseTimesChart({ rows }: { rows: Metrics['response_times'] }) {
  const data = rows.map((row) => ({ label: PRIORITY_LABELS[row.priority], firstResponse: row.median_first_response_minutes, resolution: row.median_resolution_minutes }));
  return (
    <ChartCard
      title="Median times by priority"
      description="First response (tickets created in range) and resolution (tickets resolved in range), calendar time"
      empty={rows.every((row) => row.responded === 0 && row.resolved === 0) ? 'No responses or resolutions in this range' : undefined}
      table={{
        columns: ['Priority', 'Median first response', 'Answered', 'Median resolution', 'Resolved'],
        rows: rows.map((row) => [PRIORITY_LABELS[row.priority], formatMinutes(row.median_first_response_minutes), row.responded,
          formatMinutes(row.median_resolution_minutes), row.resolved]),
      }}
    >
      <BarsChart data={data} labelKey="label" formatValue={formatMinutes} formatTick={formatHours}
        series={[{ key: 'firstResponse', name: 'First response' }, { key: 'resolution', name: 'Resolution' }]} />
    </ChartCard>
  );
}

export function SlaChart({ rows }: { rows: Metrics['sla'] }) {
  const data = rows.map((row) => ({ label: SLA_LABELS[row.target], met: row.met, breached: row.breached }));
  return (
    <ChartCard
      title="SLA compliance"
      description="Tickets created in range whose clock has stopped or run out"
      empty={rows.every((row) => row.met + row.breached === 0) ? 'No SLA clock has finished in this range' : undefined}
      table={{
        columns: ['Target', 'Met', 'Breached', 'Compliance'],
        rows: rows.map((row) => {
          const percent = compliancePercent(row);
          return [SLA_LABELS[row.target], row.met, row.breached, percent === null ? '—' : `${percent}%`];
        }),
      }}
    >
      <BarsChart data={data} labelKey="label" horizontal
        series={[{ key: 'met', name: 'Met', stack: 'sla', color: '#0d9488' }, { key: 'breached', name: 'Breached', stack: 'sla', color: '#be123c' }]} />
    </ChartCard>
  );
}

export function BacklogAgeChart({ rows }: { rows: Metrics['backlog_age'] }) {
  const data = rows.map((row) => ({ label: BACKLOG_LABELS[row.bucket], count: row.count }));
  return (
    <ChartCard
      title="Backlog age"
      description="How long open tickets have been waiting since they were raised"
      empty={rows.every((row) => row.count === 0) ? 'No open tickets' : undefined}
      table={{ columns: ['Age', 'Open tickets'], rows: data.map((row) => [row.label, row.count]) }}
    >
      <BarsChart data={data} labelKey="label" series={[{ key: 'count', name: 'Open tickets', color: '#d97706' }]} />
    </ChartCard>
  );
}

export function TopCategoriesChart({ rows }: { rows: Metrics['top_categories'] }) {
  const data = rows.map((row) => ({ label: row.category ?? 'Uncategorized', count: row.count }));
  return (
    <ChartCard
      title="Top categories"
      description="Tickets created in range"
      empty={rows.length === 0 ? 'No tickets were created in this range' : undefined}
      table={{ columns: ['Category', 'Tickets'], rows: data.map((row) => [row.label, row.count]) }}
    >
      <BarsChart data={data} labelKey="label" horizontal series={[{ key: 'count', name: 'Tickets', color: '#7c3aed' }]} />
    </ChartCard>
  );
}

export function AgentLoadChart({ rows }: { rows: Metrics['agents'] }) {
  return (
    <ChartCard
      title="Agent load"
      description="Open tickets assigned now, and tickets resolved in range"
      empty={rows.length === 0 ? 'No assigned tickets' : undefined}
      table={{ columns: ['Agent', 'Open assigned', 'Resolved'], rows: rows.map((row) => [row.name, row.open_assigned, row.resolved]) }}
    >
      <BarsChart data={rows} labelKey="name" horizontal
        series={[{ key: 'open_assigned', name: 'Open assigned' }, { key: 'resolved', name: 'Resolved', color: '#0d9488' }]} />
    </ChartCard>
  );
}
