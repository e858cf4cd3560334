import { afterDescending } from '../../lib/keyset.ts';
import type { Tables } from '../../types/database.ts';

export type ConversationStatus = Tables<'conversations'>['status'];
export type SenderType = Tables<'messages'>['sender_type'];
export type Availability = 'online' | 'away' | 'offline';

/** Whose conversations the list shows. */
export type Scope = 'mine' | 'unassigned' | 'team' | 'all';

export interface ConversationFilters {
  scope: Scope;
  status: ConversationStatus;
  /** With scope "team": the team whose conversations to show. */
  teamId?: string;
}

export const SCOPES: { value: Scope; label: string }[] = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'team', label: 'Team' },
  { value: 'all', label: 'All' },
];

export const STATUSES: { value: ConversationStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'snoozed', label: 'Snoozed' },
  { value: 'resolved', label: 'Resolved' },
];

export const AVAILABILITIES: { value: Availability; label: string; dot: string }[] = [
  { value: 'online', label: 'Online', dot: 'bg-emerald-500' },
  { value: 'away', label: 'Away', dot: 'bg-amber-500' },
  { value: 'offline', label: 'Offline', dot: 'bg-slate-400' },
];

const SCOPE_VALUES = new Set<string>(SCOPES.map((scope) => scope.value));
const STATUS_VALUES = new Set<string>(STATUSES.map((status) => status.value));

/** The filters encoded in the inbox URL (?scope=&status=&team=), with safe defaults for anything else. */
export function filtersFromSearch(search: URLSearchParams): ConversationFilters {
  const scope = search.get('scope') ?? '';
  const status = search.get('status') ?? '';
  const teamId = search.get('team') ?? undefined;
  return {
    scope: SCOPE_VALUES.has(scope) ? (scope as Scope) : 'all',
    status: STATUS_VALUES.has(status) ? (status as ConversationStatus) : 'open',
    ...(scope === 'team' && teamId ? { teamId } : {}),
  };
}

/** Whether a conversation belongs in a filtered list (used to place live updates without a refetch). */
export function matchesFilters(
  conversation: { status: ConversationStatus; assignee_id: string | null; team_id: string | null },
  filters: ConversationFilters,
  userId: string,
): boolean {
  if (conversation.status !== filters.status) return false;
  if (filters.scope === 'mine') return conversation.assignee_id === userId;
  if (filters.scope === 'unassigned') return conversation.assignee_id === null;
  if (filters.scope === 'team') return filters.teamId ? conversation.team_id === filters.teamId : conversation.team_id !== null;
  return true;
}

/** The sort key of a conversation list's last row: last activity (none sorts last), then creation, then id. */
export interface ConversationCursor {
  lastMessageAt: string | null;
  createdAt: string;
  id: string;
}

/**
 * PostgREST `or` filter for the conversations after `cursor` in the list's order:
 * last_message_at desc (conversations without a message last), created_at desc, id desc.
 */
export function afterConversation({ lastMessageAt, createdAt, id }: ConversationCursor): string {
  const sameActivityAfter = `or(${afterDescending('created_at', { at: createdAt, id })})`;
  if (lastMessageAt === null) return `and(last_message_at.is.null,${sameActivityAfter})`;
  const activity = `"${lastMessageAt}"`;
  return `last_message_at.lt.${activity},and(last_message_at.eq.${activity},${sameActivityAfter}),last_message_at.is.null`;
}

/** What a contact is called in the inbox: their name, else their email, else a short visitor id. */
export function contactLabel(contact: { id: string; name: string | null; email: string | null } | null): string {
  if (!contact) return 'Visitor';
  return contact.name?.trim() || contact.email || `Visitor ${contact.id.slice(0, 6)}`;
}

/** The id of the neighbour of `currentId` in a list (j/k navigation); the first item when none is open. */
export function neighbourId(ids: string[], currentId: string | null, step: 1 | -1): string | null {
  if (!ids.length) return null;
  const index = currentId ? ids.indexOf(currentId) : -1;
  if (index === -1) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}

/** A snooze choice's moment: in an hour, tomorrow at 9:00 local, next Monday at 9:00 local. */
export function snoozeUntil(choice: 'hour' | 'tomorrow' | 'next-week', now: Date = new Date()): Date {
  if (choice === 'hour') return new Date(now.getTime() + 3600_000);
  const day = new Date(now);
  day.setHours(9, 0, 0, 0);
  const daysAhead = choice === 'tomorrow' ? 1 : ((8 - day.getDay()) % 7 || 7);
  day.setDate(day.getDate() + daysAhead);
  return day;
}

/** Whether a file can be previewed inline as an image. */
export function isPreviewableImage(mimeType: string | null | undefined): boolean {
  return /^image\/(png|jpeg|gif|webp)$/.test(mimeType ?? '');
}

/** "12 KB", "1.4 MB". */
export function fileSize(bytes: number | null | undefined): string {
  if (!bytes) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether a keyboard event comes from somewhere typing happens (shortcuts must not fire there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Where a ticket opens in the app (the ticket page takes its number, or its id). */
export function ticketPath(slug: string, ticket: { id: string; number: string }): string {
  return `/o/${slug}/tickets/${encodeURIComponent(ticket.number || ticket.id)}`;
}

/** Why a file cannot be attached to a chat message, or null when it can. */
export function fileProblem(file: { name: string; type: string; size: number }, allowedTypes: string[], maxBytes: number): string | null {
  if (!allowedTypes.includes(file.type)) return `${file.name}: only images, PDFs and text files can be sent.`;
  if (file.size > maxBytes) return `${file.name} is larger than ${fileSize(maxBytes)}.`;
  return null;
}
