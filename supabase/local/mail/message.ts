import { randomBytes } from 'node:crypto';
import type { Address, Email } from 'postal-mime';

/** An address as Mailpit's API spells it. */
export interface MailAddress {
  Address: string;
  Name: string;
}

/** A stored message, in the shape of Mailpit's `GET /api/v1/message/{ID}`. */
export interface StoredMessage {
  ID: string;
  MessageID: string;
  Read: boolean;
  From: MailAddress;
  To: MailAddress[];
  Cc: MailAddress[];
  Bcc: MailAddress[];
  ReplyTo: MailAddress[];
  Subject: string;
  /** The Date header (falls back to the time received). */
  Date: string;
  /** When the inbox received the message. */
  Created: string;
  Size: number;
  Attachments: number;
  Snippet: string;
  Text: string;
  HTML: string;
}

/** What the message list returns per message (no bodies). */
export type MessageSummary = Omit<StoredMessage, 'Text' | 'HTML' | 'Date'>;

export interface Envelope {
  mailFrom?: string;
  rcptTo: string[];
}

const SNIPPET_LENGTH = 250;

/** Mailpit-style IDs: 22 URL-safe characters. */
export function newMessageId(): string {
  return randomBytes(16).toString('base64url');
}

export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function mailboxes(addresses: Address[] | Address | undefined): MailAddress[] {
  const list = Array.isArray(addresses) ? addresses : addresses ? [addresses] : [];
  return list.flatMap((entry) =>
    entry.group
      ? entry.group.map((member) => ({ Address: member.address, Name: member.name }))
      : [{ Address: entry.address ?? '', Name: entry.name }],
  );
}

/** Strips tags, scripts and styles and collapses whitespace: good enough for a one-line preview. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function snippetOf(text: string, html: string): string {
  const source = text.trim() ? text : htmlToText(html);
  return source.replace(/\s+/g, ' ').trim().slice(0, SNIPPET_LENGTH);
}

/** Envelope recipients that no header names were Bcc'd; Mailpit lists them under Bcc. */
function hiddenRecipients(envelope: Envelope, visible: MailAddress[]): MailAddress[] {
  const named = new Set(visible.map((entry) => entry.Address.toLowerCase()));
  return envelope.rcptTo
    .filter((address) => !named.has(address.toLowerCase()))
    .map((address) => ({ Address: address, Name: '' }));
}

function isoDate(value: string | undefined, fallback: string): string {
  const parsed = value ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : fallback;
}

export function toStoredMessage(email: Email, envelope: Envelope, size: number, created: Date): StoredMessage {
  const text = email.text ?? '';
  const html = email.html ?? '';
  const to = mailboxes(email.to);
  const cc = mailboxes(email.cc);
  const headerBcc = mailboxes(email.bcc);
  const sender = mailboxes(email.from)[0] ?? { Address: envelope.mailFrom ?? '', Name: '' };
  const createdIso = created.toISOString();
  return {
    ID: newMessageId(),
    MessageID: (email.messageId ?? '').replace(/^<|>$/g, ''),
    Read: false,
    From: sender,
    To: to,
    Cc: cc,
    Bcc: [...headerBcc, ...hiddenRecipients(envelope, [...to, ...cc, ...headerBcc])],
    ReplyTo: mailboxes(email.replyTo),
    Subject: email.subject ?? '',
    Date: isoDate(email.date, createdIso),
    Created: createdIso,
    Size: size,
    Attachments: email.attachments.length,
    Snippet: snippetOf(text, html),
    Text: text,
    HTML: html,
  };
}

export function summarize(message: StoredMessage): MessageSummary {
  const { Text: _text, HTML: _html, Date: _date, ...summary } = message;
  return summary;
}

/** Guards what is read back from disk, so a damaged file is skipped rather than served. */
export function isStoredMessage(value: unknown): value is StoredMessage {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.ID === 'string' &&
    MESSAGE_ID_PATTERN.test(candidate.ID) &&
    typeof candidate.Created === 'string' &&
    typeof candidate.Subject === 'string' &&
    Array.isArray(candidate.To) &&
    typeof candidate.Text === 'string' &&
    typeof candidate.HTML === 'string'
  );
}
