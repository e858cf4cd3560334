import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { SYSTEM_ACTOR, type AuditFilters } from '../api/audit-log-query.ts';
import { AUDIT_ACTIONS } from '../audit.utils.ts';
import type { Person } from './AuditLogPage.tsx';

/** Action, actor and date range; every change applies at once. */
export function AuditFilterBar({ filters, people, onChange }: { filters: AuditFilters; people: Person[]; onChange: (next: AuditFilters) => void }) {
  const set = (key: keyof AuditFilters, value: string) => onChange({ ...filters, [key]: value || undefined });
  return (
    <form role="search" aria-label="Filter the audit log" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(event) => event.preventDefault()}>
      <SelectField label="Action" value={filters.action ?? ''} onChange={(event) => set('action', event.target.value)}>
        <option value="">All actions</option>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action.value} value={action.value}>
            {action.label}
          </option>
        ))}
      </SelectField>
      <SelectField label="By" value={filters.actor ?? ''} onChange={(event) => set('actor', event.target.value)}>
        <option value="">Anyone</option>
        <option value={SYSTEM_ACTOR}>System</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <TextField label="From" type="date" value={filters.from ?? ''} max={filters.to} onChange={(event) => set('from', event.target.value)} />
      <TextField label="To" type="date" value={filters.to ?? ''} min={filters.from} onChange={(event) => set('to', event.target.value)} />
    </form>
  );
}
