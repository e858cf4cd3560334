import { Tag, X } from 'lucide-react';
import { useState, type RefObject } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { CONTROL_BASE } from '../../../components/ui/field-styles.ts';
import type { BulkChange } from '../api/bulk-update-mutation.ts';
import type { TicketStatus } from '../api/ticket-lookups-query.ts';
import { CATEGORY_LABELS, PRIORITY_LABELS, PRIORITIES, type Priority } from '../tickets.utils.ts';
import type { Person } from './TicketFilterBar.tsx';

const UNASSIGN = 'unassign';

interface BulkActionBarProps {
  count: number;
  people: Person[];
  statuses: TicketStatus[];
  busy: boolean;
  assignRef: RefObject<HTMLSelectElement | null>;
  onApply: (change: BulkChange) => void;
  onClear: () => void;
}

/** What can be done to every selected ticket at once; the database judges each ticket. */
export function BulkActionBar({ count, people, statuses, busy, assignRef, onApply, onClear }: BulkActionBarProps) {
  const [tag, setTag] = useState('');
  return (
    <section aria-label="Bulk actions" className="sticky top-0 z-10 mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 dark:border-brand-700 dark:bg-brand-900">
      <div className="flex w-full items-center justify-between gap-2">
        <p className="text-sm font-medium text-brand-900 dark:text-brand-100" aria-live="polite">
          {count === 1 ? '1 ticket selected' : `${count} tickets selected`}
        </p>
        <Button variant="ghost" size="sm" onClick={onClear}>
          <X aria-hidden className="h-4 w-4" />
          Clear selection
        </Button>
      </div>
      <SelectField ref={assignRef} label="Assign to" value="" disabled={busy}
        onChange={(event) => event.target.value && onApply({ kind: 'assign', assigneeId: event.target.value === UNASSIGN ? null : event.target.value })}>
        <option value="">Choose an agent…</option>
        <option value={UNASSIGN}>Nobody (unassign)</option>
        {people.filter((p) => p.assignable).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </SelectField>
      <SelectField label="Status" value="" disabled={busy} onChange={(event) => event.target.value && onApply({ kind: 'status', statusId: event.target.value })}>
        <option value="">Move to…</option>
        {statuses.map((status) => (
          <option key={status.id} value={status.id}>{status.name}{status.name !== CATEGORY_LABELS[status.category] ? ` (${CATEGORY_LABELS[status.category]})` : ''}</option>
        ))}
      </SelectField>
      <SelectField label="Priority" value="" disabled={busy}
        onChange={(event) => event.target.value && onApply({ kind: 'priority', priority: event.target.value as Priority })}>
        <option value="">Set priority…</option>
        {PRIORITIES.map((priority) => <option key={priority} value={priority}>{PRIORITY_LABELS[priority]}</option>)}
      </SelectField>
      <form className="flex items-end gap-2" onSubmit={(event) => {
        event.preventDefault();
        if (tag.trim()) onApply({ kind: 'tag', tag: tag.trim().toLowerCase() });
        setTag('');
      }}>
        <div className="space-y-1">
          <label htmlFor="bulk-tag" className="block text-sm font-medium text-slate-700 dark:text-slate-200">Add tag</label>
          <input id="bulk-tag" value={tag} maxLength={50} onChange={(event) => setTag(event.target.value)} className={`${CONTROL_BASE} w-36`} />
        </div>
        <Button type="submit" variant="secondary" disabled={busy || !tag.trim()}>
          <Tag aria-hidden className="h-4 w-4" />
          Add
        </Button>
      </form>
    </section>
  );
}
