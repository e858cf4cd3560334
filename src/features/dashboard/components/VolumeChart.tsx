import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { shortDay } from '../dashboard.utils.ts';
import type { Metrics } from '../metrics.schema.ts';
import { AXIS, GRID, SERIES } from './chart-theme.ts';
import { ChartCard } from './ChartCard.tsx';

/** Tickets created and resolved on each local day of the range. */
export function VolumeChart({ daily }: { daily: Metrics['daily'] }) {
  const data = daily.map((day) => ({ ...day, label: shortDay(day.day) }));
  const quiet = daily.every((day) => day.created === 0 && day.resolved === 0);
  return (
    <ChartCard
      title="Created vs resolved"
      description="Tickets per day, in the organization's time zone"
      empty={quiet ? 'No tickets were created or resolved in this range' : undefined}
      table={{ columns: ['Day', 'Created', 'Resolved'], rows: daily.map((day) => [day.day, day.created, day.resolved]) }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS} minTickGap={16} />
          <YAxis allowDecimals={false} tick={AXIS} width={40} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area type="linear" dataKey="created" name="Created" stroke={SERIES[0]} fill={SERIES[0]} fillOpacity={0.15} isAnimationActive={false} />
          <Area type="linear" dataKey="resolved" name="Resolved" stroke={SERIES[1]} fill={SERIES[1]} fillOpacity={0.15} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
