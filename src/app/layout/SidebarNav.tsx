import { NavLink } from 'react-router-dom';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';
import { visibleNavigation } from '../navigation.ts';

/** The navigation the user's permissions in this organization allow. */
export function SidebarNav() {
  const { org, permissions } = useCurrentOrg();
  const base = `/o/${org.slug}`;
  return (
    <nav aria-label="Main" className="flex-1 space-y-6 overflow-y-auto p-3">
      {visibleNavigation(permissions).map((section, index) => (
        <div key={section.label ?? index}>
          {section.label && <p className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{section.label}</p>}
          <ul className="space-y-0.5">
            {section.items.map((item) => (
              <li key={item.path}>
                <NavLink
                  to={item.path ? `${base}/${item.path}` : base}
                  end
                  className={({ isActive }) =>
                    `flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium ${
                      isActive
                        ? 'bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white'
                        : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                    }`
                  }
                >
                  <item.icon aria-hidden className="h-4 w-4" />
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
