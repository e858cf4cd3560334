import type { Json } from '../../types/database.ts';
import { afterDescending } from '../../lib/keyset.ts';

/** Tables the audit triggers watch, and what an entry about each is called. */
const TARGETS: Record<string, string> = {
  organizations: 'Organization',
  memberships: 'Membership',
  roles: 'Role',
  role_permissions: 'Role permission',
  invitations: 'Invitation',
  teams: 'Team',
  organization_holidays: 'Holiday',
};
const VERBS: Record<string, string> = { insert: 'added', update: 'changed', delete: 'removed' };
const AUDITED: [string, string[]][] = [
  ['organizations', ['insert', 'update']],
  ['memberships', ['insert', 'update', 'delete']],
  ['roles', ['insert', 'update', 'delete']],
  ['role_permissions', ['insert', 'delete']],
  ['invitations', ['insert', 'update']],
  ['teams', ['insert', 'update', 'delete']],
  ['organization_holidays', ['insert', 'update', 'delete']],
];

/** "memberships.update" → "Membership changed". */
export function actionLabel(action: string): string {
  const [table, operation] = action.split('.');
  const target = TARGETS[table] ?? table;
  return `${target} ${VERBS[operation] ?? operation}`;
}

/** Every action the log can contain, for the filter. */
export const AUDIT_ACTIONS = AUDITED.flatMap(([table, operations]) => operations.map((operation) => `${table}.${operation}`)).map((value) => ({
  value,
  label: actionLabel(value),
}));

const IGNORED = new Set(['updated_at']);

function show(value: Json | undefined): string {
  return JSON.stringify(value ?? null);
}

function asObject(value: Json | null): Record<string, Json | undefined> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * The change as text lines: "+ key: value" for a new row, "- key: value" for a removed one, and
 * "key: old → new" for each changed column of an update (updated_at left out).
 */
export function diffLines(before: Json | null, after: Json | null): string[] {
  const old = asObject(before);
  const next = asObject(after);
  if (before === null) return Object.keys(next).filter((key) => !IGNORED.has(key)).map((key) => `+ ${key}: ${show(next[key])}`);
  if (after === null) return Object.keys(old).filter((key) => !IGNORED.has(key)).map((key) => `- ${key}: ${show(old[key])}`);
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((key) => !IGNORED.has(key));
  return keys.filter((key) => show(old[key]) !== show(next[key])).map((key) => `${key}: ${show(old[key])} → ${show(next[key])}`);
}

export interface AuditCursor {
  createdAt: string;
  id: number;
}

/** PostgREST filter for "strictly after this entry" in (created_at desc, id desc) order. */
export function keysetFilter({ createdAt, id }: AuditCursor): string {
  return afterDescending('created_at', { at: createdAt, id });
}

/** Local calendar days (inclusive) → the ISO instants bounding them. */
export function dayRange(from: string | undefined, to: string | undefined): { gte?: string; lt?: string } {
  const range: { gte?: string; lt?: string } = {};
  if (from) range.gte = new Date(`${from}T00:00:00`).toISOString();
  if (to) {
    const end = new Date(`${to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    range.lt = end.toISOString();
  }
  return range;
}
