import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useTicketMetricsQuery } from '../api/ticket-metrics-query.ts';
import { lastDays, todayIn } from '../dashboard.utils.ts';
import { dateRangeSchema, type DateRange } from '../metrics.schema.ts';
import { DashboardSkeleton } from './DashboardSkeleton.tsx';
import { DateRangePicker } from './DateRangePicker.tsx';
import { KpiCards } from './KpiCards.tsx';
import { AgentLoadChart, BacklogAgeChart, OpenByStatusChart, ResponseTimesChart, SlaChart, TopCategoriesChart } from './MetricCharts.tsx';
import { PriorityPieChart } from './PriorityPieChart.tsx';
import { VolumeChart } from './VolumeChart.tsx';

/** `/o/:slug/dashboard`: the helpdesk's numbers over a range of local days kept in the URL (shareable). */
export function DashboardPage() {
  const { org } = useCurrentOrg();
  const today = todayIn(org.time_zone);
  const [params, setParams] = useSearchParams();
  const parsed = dateRangeSchema.safeParse({ from: params.get('from'), to: params.get('to') });
  const range: DateRange = parsed.success ? parsed.data : lastDays(30, today);
  const metrics = useTicketMetricsQuery(org.id, range);
  const setRange = (next: DateRange) => setParams({ from: next.from, to: next.to }, { replace: true });

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Ticket metrics of ${org.name}, in ${org.time_zone.replaceAll('_', ' ')} time`}
        actions={<DateRangePicker key={`${range.from}/${range.to}`} range={range} today={today} onChange={setRange} />}
      />
      {metrics.isPending && <DashboardSkeleton />}
      {metrics.isError && <Alert title="The metrics could not be loaded">{metrics.error.message}</Alert>}
      {metrics.data && (
        <div className={`space-y-6 transition-opacity ${metrics.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={metrics.isFetching}>
          <KpiCards metrics={metrics.data} />
          <div className="grid gap-6 lg:grid-cols-2">
            <VolumeChart daily={metrics.data.daily} />
            <PriorityPieChart openByPriority={metrics.data.open_by_priority} />
            <OpenByStatusChart rows={metrics.data.open_by_status} />
            <BacklogAgeChart rows={metrics.data.backlog_age} />
            <ResponseTimesChart rows={metrics.data.response_times} />
            <SlaChart rows={metrics.data.sla} />
            <TopCategoriesChart rows={metrics.data.top_categories} />
            <AgentLoadChart rows={metrics.data.agents} />
          </div>
        </div>
      )}
    </>
  );
}
