import { describe, expect, it } from 'vitest';
import { permissionSet } from '../lib/permissions.ts';
import { requirementFor, visibleNavigation } from './navigation.ts';

const labels = (permissions: string[]) =>
  visibleNavigation(permissionSet(permissions)).flatMap((section) => section.items.map((item) => item.label));

describe('visibleNavigation', () => {
  it('shows an owner everything', () => {
    expect(labels(['org.manage', 'members.view', 'members.manage', 'roles.manage', 'audit.view'])).toEqual([
      'Home',
      'Settings',
      'Members',
      'Teams',
      'Roles',
      'Audit log',
      'Profile',
      'Security',
    ]);
  });

  it('shows an agent the members list but no administration', () => {
    expect(labels(['members.view', 'tickets.view', 'tickets.manage'])).toEqual(['Home', 'Tickets', 'Members', 'Teams', 'Saved replies', 'Profile', 'Security']);
    expect(labels(['tickets.view', 'conversations.view', 'analytics.view'])).toEqual(['Home', 'Inbox', 'Tickets', 'Dashboard', 'Profile', 'Security']);
  });

  it('shows a manager the audit log but not roles', () => {
    expect(labels(['members.view', 'audit.view', 'teams.manage'])).toEqual(['Home', 'Members', 'Teams', 'Audit log', 'Profile', 'Security']);
  });

  it('drops the Organization section for a customer', () => {
    const sections = visibleNavigation(permissionSet(['portal.access', 'tickets.create']));
    expect(sections.map((section) => section.label)).toEqual([null, 'Your account']);
    expect(sections[0].items.map((item) => item.label)).toEqual(['Home', 'Your tickets']);
  });
});

describe('requirementFor', () => {
  it('knows what each page needs', () => {
    expect(requirementFor('settings/audit-log')).toBe('audit.view');
    expect(requirementFor('settings/teams')).toBe('members.view');
    expect(requirementFor('settings/saved-replies')).toBe('tickets.manage');
    expect(requirementFor('account/profile')).toBeNull();
    expect(requirementFor('nope')).toBeNull();
  });
});
