import { KeyRound, LogOut, Monitor, Moon, Sun, UserRound } from 'lucide-react';
import { Avatar } from '../../components/ui/Avatar.tsx';
import { Menu, type MenuEntry } from '../../components/ui/Menu.tsx';
import { useProfileQuery } from '../../features/profile/api/profile-query.ts';
import { useCurrentOrg } from '../../hooks/use-current-org.ts';
import { useSession, useUserId } from '../../hooks/use-session.ts';
import { useTheme } from '../../hooks/use-theme.ts';
import { useSignOut } from '../use-sign-out.ts';

/** Profile, security, theme and sign-out. */
export function UserMenu() {
  const { org } = useCurrentOrg();
  const email = useSession().session?.user.email ?? '';
  const profile = useProfileQuery(useUserId()).data;
  const { theme, setTheme } = useTheme();
  const signOut = useSignOut();
  const name = profile?.displayName || email;
  const entries: MenuEntry[] = [
    { kind: 'note', label: `Signed in as ${email}` },
    { kind: 'separator' },
    { kind: 'link', label: 'Profile', to: `/o/${org.slug}/account/profile`, icon: UserRound },
    { kind: 'link', label: 'Security', to: `/o/${org.slug}/account/security`, icon: KeyRound },
    { kind: 'separator' },
    { kind: 'heading', label: 'Theme' },
    { kind: 'radio', label: 'Light', icon: Sun, checked: theme === 'light', onSelect: () => setTheme('light') },
    { kind: 'radio', label: 'Dark', icon: Moon, checked: theme === 'dark', onSelect: () => setTheme('dark') },
    { kind: 'radio', label: 'System', icon: Monitor, checked: theme === 'system', onSelect: () => setTheme('system') },
    { kind: 'separator' },
    { kind: 'action', label: 'Sign out', icon: LogOut, onSelect: () => void signOut() },
  ];
  return (
    <Menu
      triggerLabel={`Account menu for ${name}`}
      entries={entries}
      triggerClassName="flex items-center gap-2 rounded-full p-0.5 pr-2 hover:bg-slate-100 dark:hover:bg-slate-800"
      trigger={
        <>
          <Avatar name={name} url={profile?.avatarUrl} size="sm" />
          <span className="hidden max-w-[12rem] truncate text-sm font-medium text-slate-800 sm:block dark:text-slate-100">{name}</span>
        </>
      }
    />
  );
}
