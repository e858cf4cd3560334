import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { PRIORITY_LABELS } from '../dashboard.utils.ts';
import type { Metrics } from '../metrics.schema.ts';
import { ChartCard } from './ChartCard.tsx';

const PRIORITY_COLORS = { urgent: '#be123c', high: '#d97706', medium: '#1f58c2', low: '#64748b' } as const;

/** Open tickets by priority, as shares of the backlog. */
export function PriorityPieChart({ openByPriority }: { openByPriority: Metrics['open_by_priority'] }) {
  const data = openByPriority.filter((slice) => slice.count > 0).map((slice) => ({ ...slice, name: PRIORITY_LABELS[slice.priority] }));
  return (
    <ChartCard
      title="Open by priority"
      description="Every ticket not yet resolved"
      empty={data.length === 0 ? 'No open tickets' : undefined}
      table={{ columns: ['Priority', 'Open tickets'], rows: openByPriority.map((slice) => [PRIORITY_LABELS[slice.priority], slice.count]) }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <PieChart accessibilityLayer={false}>
          <Pie data={data} dataKey="count" nameKey="name" innerRadius="45%" outerRadius="80%" paddingAngle={2} isAnimationActive={false} label>
            {data.map((slice) => <Cell key={slice.priority} fill={PRIORITY_COLORS[slice.priority]} />)}
          </Pie>
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
        </PieChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
