import type { Attachment, Message, WidgetConfig } from './api.ts';
import type { Attributes, HostUser, InitPayload, PageInfo } from './messages.ts';

/** A message as the frame shows it: stored ones, and the visitor's own while they are on their way. */
export type ChatMessage = Omit<Message, 'attachments'> & { attachments: Attachment[]; pending?: 'sending' | 'failed' };

/**
 * Adds messages (live, fetched or optimistic) to a list without duplicates: the same id, or the same
 * client_message_id (a stored copy replaces the optimistic one), appears once; oldest first.
 */
export function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byKey = new Map<string, ChatMessage>();
  for (const message of [...current, ...incoming]) {
    const key = message.client_message_id;
    const known = byKey.get(key);
    if (!known || known.pending || !message.pending) byKey.set(key, message);
  }
  return [...byKey.values()].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
}

/** Where a catch-up fetch starts: the newest stored message's time (inclusive; merging drops repeats). */
export function catchUpSince(messages: ChatMessage[]): string | undefined {
  const stored = messages.filter((message) => !message.pending);
  return stored.length ? stored[stored.length - 1].created_at : undefined;
}

/** Nobody can answer now: nobody online, or outside business hours. */
export const isAway = (config: WidgetConfig) => !(config.agents_online && config.open_now);

/** Conversations started now need the visitor's email (offline mode and away). */
export const needsEmail = (config: WidgetConfig) => config.offline_mode && isAway(config);

export interface PrechatField {
  key: string;
  label: string;
  type: 'text' | 'email' | 'phone' | 'textarea' | 'select';
  required?: boolean;
  options?: string[];
}

export const prechatFields = (config: WidgetConfig): PrechatField[] =>
  Array.isArray(config.prechat_fields) ? (config.prechat_fields as unknown as PrechatField[]) : [];

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);

function hostUser(value: unknown): HostUser | null {
  if (!value || typeof value !== 'object') return null;
  const user = value as Record<string, unknown>;
  const id = text(user.id, 200)?.trim();
  return id ? { id, name: text(user.name, 200), email: text(user.email, 320), hash: text(user.hash, 200) } : null;
}

/** Keeps flat attribute values of the kinds the widget-session function accepts (at most 50). */
function attributes(value: unknown): Attributes {
  if (!value || typeof value !== 'object') return {};
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, item]) => key.length <= 50 && (item === null || ['string', 'number', 'boolean'].includes(typeof item)))
    .map(([key, item]) => [key, typeof item === 'string' ? item.slice(0, 500) : item] as const);
  return Object.fromEntries(entries.slice(0, 50)) as Attributes;
}

function page(value: unknown): PageInfo {
  const info = (value ?? {}) as Record<string, unknown>;
  return { url: text(info.url, 2000) ?? '', title: text(info.title, 300) ?? '' };
}

/** The host's settings, checked field by field: the host page is another site's code. */
export const readHostInput = {
  user: hostUser,
  attributes,
  page,
  init(value: unknown): InitPayload {
    const init = (value ?? {}) as Record<string, unknown>;
    const theme = init.theme === 'light' || init.theme === 'dark' || init.theme === 'auto' ? init.theme : null;
    return {
      widgetKey: text(init.widgetKey, 100) ?? '',
      locale: text(init.locale, 20) ?? 'auto',
      theme,
      page: page(init.page),
      user: hostUser(init.user),
      attributes: attributes(init.attributes),
      opened: init.opened === true,
    };
  },
};
