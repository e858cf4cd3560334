import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, GRID, SERIES } from './chart-theme.ts';

export interface BarSeries {
  key: string;
  name: string;
  /** Bars sharing a stack are drawn on top of each other. */
  stack?: string;
  color?: string;
}

interface BarsChartProps {
  data: Record<string, string | number | null>[];
  /** The field naming each group (axis labels). */
  labelKey: string;
  series: BarSeries[];
  /** Horizontal bars suit long labels (categories, people). */
  horizontal?: boolean;
  /** Values in tooltips; axis ticks use `formatTick` (shorter) when given. */
  formatValue?: (value: number) => string;
  formatTick?: (value: number) => string;
}

/** Grouped or stacked bars drawn with recharts; the card around it carries the accessible table. */
export function BarsChart({ data, labelKey, series, horizontal = false, formatValue, formatTick = formatValue }: BarsChartProps) {
  const format = (value: unknown) => (formatValue && typeof value === 'number' ? formatValue(value) : String(value));
  const tick = (value: unknown) => (formatTick && typeof value === 'number' ? formatTick(value) : String(value));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 0, left: horizontal ? 24 : 0 }}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={AXIS} tickFormatter={tick} />
            <YAxis type="category" dataKey={labelKey} tick={AXIS} width={110} />
          </>
        ) : (
          <>
            <XAxis dataKey={labelKey} tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} tickFormatter={tick} width={56} />
          </>
        )}
        <Tooltip formatter={format} cursor={{ fill: 'rgba(148, 163, 184, 0.15)' }} />
        {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
        {series.map((item, index) => (
          <Bar key={item.key} dataKey={item.key} name={item.name} stackId={item.stack} fill={item.color ?? SERIES[index % SERIES.length]}
            radius={item.stack ? 0 : 3} maxBarSize={40} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
