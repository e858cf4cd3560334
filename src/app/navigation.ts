import { Building2, Home, KeyRound, LayoutDashboard, LifeBuoy, MessageCircle, MessageSquareText, MessagesSquare, ScrollText, ShieldCheck, Ticket, UserRound, Users, UsersRound, type LucideIcon } from 'lucide-react';
import { allowedItems, type PermissionRequirement, type PermissionSet } from '../lib/permissions.ts';

export interface NavItem {
  label: string;
  /** Relative to /o/:slug. */
  path: string;
  icon: LucideIcon;
  requires: PermissionRequirement;
}

export interface NavSection {
  label: string | null;
  items: NavItem[];
}

/**
 * Every page that exists, with the permission it needs. Pages of later features are added here when
 * they land (never as placeholders).
 */
export const NAVIGATION: NavSection[] = [
  {
    label: null,
    items: [
      { label: 'Home', path: '', icon: Home, requires: null },
      { label: 'Inbox', path: 'inbox', icon: MessagesSquare, requires: 'conversations.view' },
      { label: 'Tickets', path: 'tickets', icon: Ticket, requires: 'tickets.view' },
      { label: 'Dashboard', path: 'dashboard', icon: LayoutDashboard, requires: 'analytics.view' },
      { label: 'Your tickets', path: 'portal', icon: LifeBuoy, requires: 'portal.access' },
    ],
  },
  {
    label: 'Organization',
    items: [
      { label: 'Settings', path: 'settings/organization', icon: Building2, requires: 'org.manage' },
      { label: 'Members', path: 'settings/members', icon: Users, requires: 'members.view' },
      { label: 'Teams', path: 'settings/teams', icon: UsersRound, requires: 'members.view' },
      { label: 'Roles', path: 'settings/roles', icon: ShieldCheck, requires: { anyOf: ['roles.manage', 'members.manage'] } },
      { label: 'Audit log', path: 'settings/audit-log', icon: ScrollText, requires: 'audit.view' },
      { label: 'Chat widget', path: 'settings/widget', icon: MessageCircle, requires: 'widget.manage' },
      { label: 'Saved replies', path: 'settings/saved-replies', icon: MessageSquareText, requires: 'tickets.manage' },
    ],
  },
  {
    label: 'Your account',
    items: [
      { label: 'Profile', path: 'account/profile', icon: UserRound, requires: null },
      { label: 'Security', path: 'account/security', icon: KeyRound, requires: null },
    ],
  },
];

/** The navigation a permission set may see; empty sections are dropped. */
export function visibleNavigation(permissions: PermissionSet, sections: NavSection[] = NAVIGATION): NavSection[] {
  return sections.map((section) => ({ ...section, items: allowedItems(section.items, permissions) })).filter((section) => section.items.length > 0);
}

/** The requirement of the page at a path under /o/:slug (null when it needs none or is unknown). */
export function requirementFor(path: string, sections: NavSection[] = NAVIGATION): PermissionRequirement {
  return sections.flatMap((section) => section.items).find((item) => item.path === path)?.requires ?? null;
}
