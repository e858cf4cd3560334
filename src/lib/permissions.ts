/**
 * Permission keys of the `permissions` catalog. The database is the authority (RLS refuses what a
 * role lacks); the SPA only uses these to hide what the user cannot do.
 */
export const PERMISSION_KEYS = [
  'org.manage',
  'members.view',
  'members.manage',
  'roles.manage',
  'teams.manage',
  'tickets.view',
  'tickets.create',
  'tickets.manage',
  'tickets.assign',
  'tickets.delete',
  'replies.manage',
  'conversations.view',
  'conversations.reply',
  'kb.view',
  'kb.write',
  'kb.publish',
  'analytics.view',
  'audit.view',
  'billing.manage',
  'automation.manage',
  'widget.manage',
  'ai.use',
  'portal.access',
] as const;

export type PermissionKey = (typeof PERMISSION_KEYS)[number];

/** What a page or action requires: one permission, any of several, or nothing. */
export type PermissionRequirement = PermissionKey | { anyOf: readonly PermissionKey[] } | null;

export type PermissionSet = ReadonlySet<string>;

export function permissionSet(keys: Iterable<string>): PermissionSet {
  return new Set(keys);
}

/** Whether a permission set satisfies a requirement. */
export function allows(permissions: PermissionSet, requirement: PermissionRequirement): boolean {
  if (requirement === null) return true;
  if (typeof requirement === 'string') return permissions.has(requirement);
  return requirement.anyOf.some((key) => permissions.has(key));
}

/** The items of a list whose requirement the permission set satisfies, in order. */
export function allowedItems<T extends { requires: PermissionRequirement }>(items: readonly T[], permissions: PermissionSet): T[] {
  return items.filter((item) => allows(permissions, item.requires));
}

/** "members.manage" → "members": permissions grouped by the resource before the dot, catalog order kept. */
export function groupByResource<T extends { key: string }>(permissions: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const permission of permissions) {
    const resource = permission.key.split('.')[0];
    groups.set(resource, [...(groups.get(resource) ?? []), permission]);
  }
  return [...groups];
}
