import { INBOX_URL } from './env.ts';

/** A message as the inbox's Mailpit-compatible API returns it. */
export interface InboxMessage {
  ID: string;
  From: { Address: string; Name: string };
  To: { Address: string; Name: string }[];
  Subject: string;
  Created: string;
  Text: string;
  HTML: string;
}

/** Waits for the newest email to `address` (optionally sent after `since`) and returns it in full. */
export async function waitForEmail(address: string, options: { since?: Date; timeoutMs?: number } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  while (Date.now() < deadline) {
    const response = await fetch(`${INBOX_URL}/api/v1/search?query=${encodeURIComponent(`to:${address}`)}`);
    if (response.ok) {
      const { messages } = (await response.json()) as { messages: { ID: string; Created: string }[] };
      const fresh = messages.find((m) => !options.since || new Date(m.Created) >= options.since);
      if (fresh) {
        const full = await fetch(`${INBOX_URL}/api/v1/message/${fresh.ID}`);
        return (await full.json()) as InboxMessage;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email to ${address} arrived within ${options.timeoutMs ?? 5000} ms`);
}

/** The first link in an email's text that points at the given path (e.g. "/auth/v1/verify"). */
export function linkIn(message: InboxMessage, pathPart: string): string {
  const links = (message.Text + ' ' + message.HTML).match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  const link = links.find((l) => l.includes(pathPart));
  if (!link) throw new Error(`No ${pathPart} link in "${message.Subject}"`);
  return link.replaceAll('&amp;', '&');
}

/** The six-digit code in an email. */
export function otpIn(message: InboxMessage): string {
  const match = /\b(\d{6})\b/.exec(message.Text);
  if (!match) throw new Error(`No code in "${message.Subject}"`);
  return match[1];
}
