import { Badge } from '../../../components/ui/Badge.tsx';
import type { Status } from '../api/statuses-query.ts';
import { statusTone, type StatusCategory } from '../portal.utils.ts';

const CATEGORY_NAMES: Record<StatusCategory, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on you',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** A ticket's status as the organization names it (its category's name until statuses load). */
export function StatusBadge({ statusId, category, statuses }: { statusId: string; category: StatusCategory; statuses: Status[] | undefined }) {
  const name = statuses?.find((status) => status.id === statusId)?.name ?? CATEGORY_NAMES[category];
  return <Badge tone={statusTone(category)}>{name}</Badge>;
}
