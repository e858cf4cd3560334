/** Pure helpers of the ticket detail page (tested beside this file). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

// Section - Lifecycle

export type StatusCategory = 'open' | 'in_progress' | 'waiting_on_customer' | 'resolved' | 'closed';

export interface StatusOption {
  id: string;
  name: string;
  category: StatusCategory;
  position: number;
}

export interface TransitionRule {
  from_category: StatusCategory;
  to_category: StatusCategory;
  required_permission: string | null;
  requester_may: boolean;
  requires_reason: boolean;
}

export interface LegalMove {
  status: StatusOption;
  requiresReason: boolean;
  /** Resolving asks for remarks on how the ticket was resolved. */
  asksResolution: boolean;
}

const CATEGORY_ORDER: StatusCategory[] = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'];

/** The statuses the user may move a ticket to from its current status (the database has the final say). */
export function legalMoves(
  current: StatusOption,
  statuses: StatusOption[],
  rules: TransitionRule[],
  can: (permission: string) => boolean,
  isRequester: boolean,
): LegalMove[] {
  return statuses
    .filter((status) => status.id !== current.id)
    .flatMap((status) => {
      const rule = rules.find((r) => r.from_category === current.category && r.to_category === status.category);
      const allowed = rule && ((rule.required_permission !== null && can(rule.required_permission)) || (rule.requester_may && isRequester));
      if (!allowed) return [];
      return [{ status, requiresReason: rule.requires_reason, asksResolution: status.category === 'resolved' && current.category !== 'resolved' }];
    })
    .sort((a, b) => CATEGORY_ORDER.indexOf(a.status.category) - CATEGORY_ORDER.indexOf(b.status.category) || a.status.position - b.status.position);
}

// Section - Mentions

export interface Person {
  userId: string;
  name: string;
}

const MENTION_TOKEN = /@\[([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\]/g;

/** Stored body → what the composer shows: @[user id] becomes @Name (unknown ids stay as written). */
export function decodeMentions(body: string, people: Person[]): string {
  const byId = new Map(people.map((p) => [p.userId.toLowerCase(), p.name]));
  return body.replace(MENTION_TOKEN, (token, id: string) => {
    const name = byId.get(id.toLowerCase());
    return name ? `@${name}` : token;
  });
}

/** Composer text → stored body: @Name of a known person becomes @[user id] (longest names first). */
export function encodeMentions(text: string, people: Person[]): string {
  const sorted = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length);
  let result = text;
  for (const person of sorted) {
    const escaped = person.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    result = result.replace(new RegExp(`(^|[^\\w@])@${escaped}(?![\\w])`, 'g'), (_match, before: string) => `${before}@[${person.userId}]`);
  }
  return result;
}

/** Splits a stored body into text and mention parts, for rendering mentions distinctly (always as text). */
export function mentionParts(body: string, people: Person[]): { text: string; mention: boolean }[] {
  const byId = new Map(people.map((p) => [p.userId.toLowerCase(), p.name]));
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION_TOKEN)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index), mention: false });
    parts.push({ text: `@${byId.get(match[1].toLowerCase()) ?? 'unknown member'}`, mention: true });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}

/** The @query being typed at the caret ("@ja" → {start, query: "ja"}), or null. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@[\]]{0,30})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

/** People whose name starts a word with the query, best first, at most `limit`. */
export function matchPeople(people: Person[], query: string, limit = 6): Person[] {
  const q = query.toLowerCase();
  const score = (p: Person) => {
    const name = p.name.toLowerCase();
    if (name.startsWith(q)) return 0;
    return name.split(/\s+/).some((word) => word.startsWith(q)) ? 1 : 2;
  };
  return people
    .filter((p) => score(p) < 2)
    .sort((a, b) => score(a) - score(b) || a.name.localeCompare(b.name))
    .slice(0, limit);
}

// Section - Files

/** Mirrors private.sanitize_file_name: no separators, control or bidi characters, no leading dots; ≤ 200. */
export function sanitizeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const stripped = name.replace(/[/\\\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
  const cleaned = stripped.replace(/^[.\s]+/, '').trim().slice(0, 200).trim();
  return cleaned || 'attachment';
}

/** Why a file cannot be attached under the organization's limits, or null. */
export function fileProblem(file: { name: string; size: number; type: string }, maxBytes: number, mimeTypes: string[]): string | null {
  if (file.size > maxBytes) return `${file.name} is larger than ${formatBytes(maxBytes)}.`;
  if (!mimeTypes.includes(file.type.split(';')[0].trim().toLowerCase())) return `${file.name}: this type of file is not accepted.`;
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

// Section - SLA

export type SlaState = 'ok' | 'near_breach' | 'breached' | 'paused';

/** A clock's state now: breached past due, near breach in the last 20 % of its window. */
export function slaClockState(dueAt: string, startedAt: string, now: number, paused: boolean): { state: SlaState; remainingMs: number } {
  const due = new Date(dueAt).getTime();
  const remainingMs = due - now;
  if (remainingMs <= 0) return { state: 'breached', remainingMs };
  if (paused) return { state: 'paused', remainingMs };
  const windowMs = Math.max(due - new Date(startedAt).getTime(), 1);
  return { state: remainingMs <= 0.2 * windowMs ? 'near_breach' : 'ok', remainingMs };
}

/** "2d 4h", "3h 05m", "4m 09s"; negative durations read as overdue by the caller. */
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  return `${minutes}m ${pad(seconds)}s`;
}

// Section - Timeline

export interface TimelineEvent {
  kind: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const PRIORITY_LABELS: Record<string, string> = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' };
export const priorityLabel = (priority: string) => PRIORITY_LABELS[priority] ?? priority;

const MODE_LABELS: Record<string, string> = { round_robin: 'round robin', least_loaded: 'least loaded' };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A timeline entry as a sentence and its before → after lines (names resolved by `nameOf`). */
export function describeEvent(event: TimelineEvent, nameOf: (userId: unknown) => string, teamName: (teamId: unknown) => string): { title: string; details: string[] } {
  const before = event.before ?? {};
  const after = event.after ?? {};
  switch (event.kind) {
    case 'ticket.created':
      return { title: 'created the ticket', details: [`Subject: ${show(after.subject)}`, `Priority: ${priorityLabel(String(after.priority))}`] };
    case 'ticket.status_changed':
      return {
        title: `changed the status from ${show(before.status)} to ${show(after.status)}`,
        details: after.reopen_reason ? [`Reason: ${show(after.reopen_reason)}`] : [],
      };
    case 'ticket.assigned': {
      const mode = after.mode ? ` automatically (${MODE_LABELS[String(after.mode)] ?? show(after.mode)})` : '';
      const details = [];
      if (before.assignee_id !== after.assignee_id) details.push(`Assignee: ${nameOf(before.assignee_id)} → ${nameOf(after.assignee_id)}`);
      if (before.team_id !== after.team_id) details.push(`Team: ${teamName(before.team_id)} → ${teamName(after.team_id)}`);
      return { title: `assigned the ticket${mode}`, details };
    }
    case 'ticket.updated':
      return {
        title: 'edited the ticket',
        details: Object.keys(after).map((key) =>
          key === 'requester_id' ? `Requester: ${nameOf(before[key])} → ${nameOf(after[key])}` : `${key.replace(/_/g, ' ')}: ${show(before[key])} → ${show(after[key])}`,
        ),
      };
    case 'ticket.merged':
      return { title: `merged this ticket into ${show(after.merged_into_number)}`, details: [] };
    case 'ticket.merge_received':
      return { title: `merged ${show(after.source_number)} into this ticket`, details: [] };
    case 'ticket.split':
      return { title: `split comments off into ${show(after.number)}`, details: [`${show((after.comment_ids as unknown[] | undefined)?.length)} comments moved`] };
    case 'ticket.split_from':
      return { title: `created this ticket by splitting ${show(after.number)}`, details: [] };
    case 'ticket.linked':
      return { title: `linked ${show(after.number)} (${show(after.kind).replace(/_/g, ' ')})`, details: [] };
    case 'ticket.unlinked':
      return { title: `removed the link to ${show(after.number)}`, details: [] };
    case 'comment.added':
      return { title: after.is_internal ? 'added an internal note' : 'replied', details: [] };
    case 'comment.edited':
      return { title: 'edited a comment', details: [] };
    case 'comment.deleted':
      return { title: 'deleted a comment', details: [] };
    case 'reply.scheduled':
      return { title: 'scheduled a reply', details: [`For ${show(after.scheduled_at)}`] };
    case 'reply.rescheduled':
      return { title: 'rescheduled a reply', details: [`${show(before.scheduled_at)} → ${show(after.scheduled_at)}`] };
    case 'reply.delivered':
      return { title: 'sent a scheduled reply', details: [] };
    case 'attachment.added':
      return { title: `attached ${show(after.file_name)}`, details: [] };
    case 'attachment.removed':
      return { title: `removed ${show(after.file_name)}`, details: [] };
    default:
      return { title: event.kind.replace(/[._]/g, ' '), details: [] };
  }
}

// Section - Search

/** A value quoted for a PostgREST `or=(…)` filter, so commas and parentheses in it stay literal. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** "Billing, VIP  urgent" → ["billing", "vip", "urgent"] (the database normalizes and validates). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}
