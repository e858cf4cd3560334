import { ChevronRight } from 'lucide-react';
import { Link } from 'react-router-dom';
import { OrgMark } from '../../../components/ui/Avatar.tsx';
import type { MyMembership } from '../api/memberships-query.ts';

/** The caller's organizations, each a link into it. */
export function OrganizationList({ memberships }: { memberships: MyMembership[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {memberships.map(({ org, role }) => (
        <li key={org.id}>
          <Link to={`/o/${org.slug}`} className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50 dark:hover:bg-slate-800">
            <OrgMark name={org.name} color={org.brand_color} />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-900 dark:text-slate-50">{org.name}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">{role.name}</span>
            </span>
            <ChevronRight aria-hidden className="h-4 w-4 text-slate-500" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
