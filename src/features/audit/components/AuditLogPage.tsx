import { ScrollText } from 'lucide-react';
import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useAuditLogQuery, type AuditFilters } from '../api/audit-log-query.ts';
import { AuditEntryRow } from './AuditEntryRow.tsx';
import { AuditFilterBar } from './AuditFilterBar.tsx';

export interface Person {
  id: string;
  name: string;
}

const FILTER_KEYS = ['action', 'actor', 'from', 'to'] as const;

/** Who changed what and when; filters live in the URL so a view can be shared. */
export function AuditLogPage({ people }: { people: Person[] }) {
  const { org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const log = useAuditLogQuery(org.id, filters);
  const entries = log.data?.pages.flat() ?? [];
  const names = new Map(people.map((person) => [person.id, person.name]));
  const filtered = Object.keys(filters).length > 0;

  const setFilters = (next: AuditFilters) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) search.set(key, next[key]!);
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader title="Audit log" description="Changes to the organization, its members, roles, invitations and teams. Entries cannot be edited or deleted." />
      <AuditFilterBar filters={filters} people={people} onChange={setFilters} />
      {log.isPending && <SkeletonRows rows={5} label="audit log" />}
      {log.isError && <Alert>{log.error.message}</Alert>}
      {log.isSuccess && entries.length === 0 && (
        <EmptyState
          icon={ScrollText}
          title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}
          action={filtered && <Button variant="secondary" onClick={() => setFilters({})}>Clear filters</Button>}
        >
          {filtered ? 'Try a wider date range or another person.' : 'Changes to members, roles and settings will appear here.'}
        </EmptyState>
      )}
      {entries.length > 0 && (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {entries.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} actorName={entry.actor_id ? (names.get(entry.actor_id) ?? 'Former member') : 'System'} />
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
          </Button>
        </div>
      )}
    </>
  );
}
