import { Menu as MenuIcon, X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { AvailabilitySwitcher } from '../../features/inbox/components/AvailabilitySwitcher.tsx';
import type { MyMembership } from '../../features/organizations/api/memberships-query.ts';
import { OrgSwitcher } from './OrgSwitcher.tsx';
import { SidebarNav } from './SidebarNav.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Sidebar (organization switcher and navigation), top bar (user menu) and the page. */
export function AppShell({ memberships, children }: { memberships: MyMembership[]; children: ReactNode }) {
  const { pathname } = useLocation();
  // The small-screen navigation stays open only on the page where it was opened.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const navOpen = openOn === pathname;
  // Workspaces such as the chat inbox use the whole width and height below the top bar.
  const fullBleed = /^\/o\/[^/]+\/inbox$/.test(pathname);
  return (
    <div className="min-h-screen md:flex">
      <a href="#main" className="sr-only z-50 rounded bg-white px-3 py-2 text-sm font-medium text-brand-700 focus:not-sr-only focus:absolute focus:left-2 focus:top-2">
        Skip to content
      </a>
      <aside
        id="sidebar"
        className={`${navOpen ? 'flex' : 'hidden'} w-full flex-col border-b border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-64 md:shrink-0 md:border-b-0 md:border-r dark:border-slate-800 dark:bg-slate-900`}
      >
        <div className="border-b border-slate-200 p-3 dark:border-slate-800">
          <OrgSwitcher memberships={memberships} />
        </div>
        <SidebarNav />
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex h-14 items-center justify-between border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
          <button
            type="button"
            className="rounded p-2 text-slate-700 hover:bg-slate-100 md:invisible dark:text-slate-200 dark:hover:bg-slate-800"
            aria-controls="sidebar"
            aria-expanded={navOpen}
            onClick={() => setOpenOn(navOpen ? null : pathname)}
          >
            {navOpen ? <X aria-hidden className="h-5 w-5" /> : <MenuIcon aria-hidden className="h-5 w-5" />}
            <span className="sr-only">{navOpen ? 'Close navigation' : 'Open navigation'}</span>
          </button>
          <div className="flex items-center gap-2">
            <AvailabilitySwitcher />
            <UserMenu />
          </div>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className={fullBleed ? 'h-[calc(100vh-3.5rem)] focus:outline-none' : 'mx-auto max-w-5xl px-4 py-8 focus:outline-none sm:px-6'}
        >
          {children}
        </main>
      </div>
    </div>
  );
}
