import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { LABEL_CLASSES } from '../../../components/ui/field-styles.ts';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Json } from '../../../types/database.ts';
import { useTeamsQuery, useTicketFieldsQuery, type PeopleDirectory, type TicketField } from '../api/reference-data-queries.ts';
import { useUpdateTicketMutation, type TicketPatch } from '../api/ticket-mutations.ts';
import type { Ticket } from '../api/ticket-query.ts';
import { parseTags, priorityLabel } from '../ticket-detail.utils.ts';
import { InlineTextProperty } from './InlineTextProperty.tsx';

const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
const AVAILABILITY_LABELS: Record<string, string> = { online: 'online', away: 'away', offline: 'offline' };

/** Priority, assignee, team, category, tags and custom fields, each edited in place when permitted. */
export function PropertiesPanel({ ticket, directory }: { ticket: Ticket; directory: PeopleDirectory }) {
  const { org } = useCurrentOrg();
  const closed = ticket.status_category === 'closed';
  const canManage = useCan('tickets.manage') && !closed;
  const canAssign = useCan('tickets.assign') && !closed;
  const staff = useCan('tickets.view');
  const teams = useTeamsQuery(org.id).data ?? [];
  const fields = useTicketFieldsQuery(org.id).data ?? [];
  const update = useUpdateTicketMutation(ticket);
  const change = (patch: TicketPatch) => update.mutate(patch);
  const customFields = (ticket.custom_fields ?? {}) as Record<string, Json>;

  return (
    <section aria-labelledby="ticket-properties-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="ticket-properties-heading" className="mb-3 text-sm font-semibold text-slate-900 dark:text-slate-100">
        Properties
      </h2>
      <div className="space-y-3">
        <Property label="Requester">{directory.nameOf(ticket.requester_id)}</Property>
        {canManage ? (
          <SelectField label="Priority" value={ticket.priority} disabled={update.isPending} onChange={(e) => change({ priority: e.target.value as Ticket['priority'] })}>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priorityLabel(priority)}
              </option>
            ))}
          </SelectField>
        ) : (
          <Property label="Priority">{priorityLabel(ticket.priority)}</Property>
        )}
        {canAssign ? (
          <>
            <SelectField label="Assignee" value={ticket.assignee_id ?? ''} disabled={update.isPending} onChange={(e) => change({ assignee_id: e.target.value || null })}>
              <option value="">Unassigned</option>
              {directory.agents.map((agent) => (
                <option key={agent.userId} value={agent.userId}>
                  {agent.name} ({AVAILABILITY_LABELS[agent.availability] ?? agent.availability})
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Team"
              value={ticket.team_id ?? ''}
              disabled={update.isPending}
              hint={teams.find((t) => t.id === ticket.team_id)?.assignment_mode === 'manual' || !ticket.team_id ? undefined : 'Unassigned tickets of this team are routed automatically.'}
              onChange={(e) => change({ team_id: e.target.value || null })}
            >
              <option value="">No team</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </SelectField>
          </>
        ) : (
          staff && (
            <>
              <Property label="Assignee">{ticket.assignee_id ? directory.nameOf(ticket.assignee_id) : 'Unassigned'}</Property>
              <Property label="Team">{teams.find((t) => t.id === ticket.team_id)?.name ?? 'No team'}</Property>
            </>
          )
        )}
        <InlineTextProperty label="Category" value={ticket.category ?? ''} editable={canManage} maxLength={60} busy={update.isPending} onSave={(value) => change({ category: value.trim() || null })} />
        <InlineTextProperty
          label="Tags"
          value={ticket.tags.join(', ')}
          display={ticket.tags.length ? <TagList tags={ticket.tags} /> : undefined}
          editable={canManage}
          hint="Separate tags with commas or spaces."
          busy={update.isPending}
          onSave={(value) => change({ tags: parseTags(value) })}
        />
        {fields.map((field) => (
          <CustomFieldProperty
            key={field.id}
            field={field}
            value={customFields[field.key]}
            editable={canManage}
            busy={update.isPending}
            onSave={(value) => change({ custom_fields: { ...customFields, [field.key]: value } })}
          />
        ))}
        <Property label="Created">{formatDateTime(ticket.created_at)}</Property>
        <Property label="Last updated">{formatDateTime(ticket.updated_at)}</Property>
      </div>
    </section>
  );
}

function Property({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <p className={LABEL_CLASSES}>{label}</p>
      <div className="break-words text-sm text-slate-900 dark:text-slate-100">{children}</div>
    </div>
  );
}

function TagList({ tags }: { tags: string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <Badge key={tag}>{tag}</Badge>
      ))}
    </span>
  );
}

interface CustomFieldPropertyProps {
  field: TicketField;
  value: Json | undefined;
  editable: boolean;
  busy: boolean;
  onSave: (value: Json) => void;
}

/** One custom field, edited with the control its type calls for (the database validates the value). */
function CustomFieldProperty({ field, value, editable, busy, onSave }: CustomFieldPropertyProps) {
  const label = field.required ? `${field.label} (required)` : field.label;
  if (field.type === 'checkbox') {
    return editable ? (
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-100">
        <input type="checkbox" checked={value === true} disabled={busy} onChange={(e) => onSave(e.target.checked)} className="accent-brand-600" />
        {label}
      </label>
    ) : (
      <Property label={field.label}>{value === true ? 'Yes' : 'No'}</Property>
    );
  }
  if (field.type === 'select' && editable) {
    return (
      <SelectField label={label} value={typeof value === 'string' ? value : ''} disabled={busy} onChange={(e) => onSave(e.target.value || null)}>
        <option value="">—</option>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>
    );
  }
  const text = value === null || value === undefined ? '' : String(value);
  const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
  return (
    <InlineTextProperty
      label={label}
      value={text}
      type={type}
      editable={editable}
      busy={busy}
      onSave={(next) => onSave(next.trim() === '' ? null : field.type === 'number' ? Number(next) : next.trim())}
    />
  );
}
