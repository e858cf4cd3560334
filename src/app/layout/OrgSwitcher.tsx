import { ChevronsUpDown, Plus } from 'lucide-react';
import { OrgMark } from '../../components/ui/Avatar.tsx';
import { Menu, type MenuEntry } from '../../components/ui/Menu.tsx';
import type { MyMembership } from '../../features/organizations/api/memberships-query.ts';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';

/** The current organization; opens a menu to switch to another or create one. */
export function OrgSwitcher({ memberships }: { memberships: MyMembership[] }) {
  const { org, role } = useCurrentOrg();
  const entries: MenuEntry[] = [
    { kind: 'heading', label: 'Your organizations' },
    ...memberships.map(({ org: other }): MenuEntry => ({ kind: 'link', label: other.name, to: `/o/${other.slug}`, current: other.id === org.id })),
    { kind: 'separator' },
    { kind: 'link', label: 'Create an organization', to: '/new-organization', icon: Plus },
  ];
  return (
    <Menu
      align="left"
      triggerLabel={`Organization: ${org.name}. Switch organization`}
      entries={entries}
      triggerClassName="flex w-full items-center gap-2 rounded-md p-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
      trigger={
        <>
          <OrgMark name={org.name} color={org.brand_color} />
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-semibold text-slate-900 dark:text-slate-50">{org.name}</span>
            <span className="block truncate text-xs text-slate-600 dark:text-slate-400">{role.name}</span>
          </span>
          <ChevronsUpDown aria-hidden className="h-4 w-4 text-slate-500" />
        </>
      }
    />
  );
}
