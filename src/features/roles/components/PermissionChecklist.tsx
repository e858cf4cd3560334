import { Checkbox } from '../../../components/ui/Checkbox.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { groupByResource, type PermissionSet } from '../../../lib/permissions.ts';
import { usePermissionCatalogQuery } from '../api/permission-catalog-query.ts';

const RESOURCE_NAMES: Record<string, string> = {
  org: 'Organization',
  members: 'Members',
  roles: 'Roles',
  teams: 'Teams',
  tickets: 'Tickets',
  conversations: 'Conversations',
  kb: 'Knowledge base',
  analytics: 'Analytics',
  audit: 'Audit log',
  billing: 'Billing',
  automation: 'Automation',
  widget: 'Chat widget',
  ai: 'AI',
  portal: 'Customer portal',
};

/** Checkboxes for the catalog, grouped by resource; permissions the editor lacks cannot be granted. */
export function PermissionChecklist({ value, held, onChange }: { value: string[]; held: PermissionSet; onChange: (next: string[]) => void }) {
  const catalog = usePermissionCatalogQuery();
  if (catalog.isPending) return <SkeletonRows rows={3} label="permissions" />;
  const toggle = (key: string, on: boolean) => onChange(on ? [...value, key] : value.filter((item) => item !== key));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Permissions</legend>
      <div className="max-h-72 space-y-4 overflow-y-auto rounded-md border border-slate-200 p-3 dark:border-slate-700">
        {groupByResource(catalog.data ?? []).map(([resource, permissions]) => (
          <div key={resource}>
            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{RESOURCE_NAMES[resource] ?? resource}</p>
            <div className="space-y-2">
              {permissions.map((permission) => {
                const grantable = held.has(permission.key);
                return (
                  <Checkbox
                    key={permission.key}
                    label={permission.key}
                    description={grantable ? permission.description : `${permission.description} (you do not hold it, so you cannot change it)`}
                    checked={value.includes(permission.key)}
                    disabled={!grantable}
                    onChange={(event) => toggle(permission.key, event.target.checked)}
                  />
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
