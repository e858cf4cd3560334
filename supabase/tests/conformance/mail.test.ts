import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../local/config.ts';
import { createLogger } from '../../local/log.ts';
import { MAIL_DIR } from '../../local/mail/server.ts';
import { MailStore } from '../../local/mail/store.ts';
import { INBOX_URL, IS_LOCAL, uniqueEmail } from '../helpers/env.ts';
import { waitForEmail, type InboxMessage } from '../helpers/inbox.ts';

/** The local inbox (Mailpit-compatible); Supabase Cloud has no inbox to read, so local only. */
const smtpPort = loadConfig().mail.smtpPort;
const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
afterAll(() => transport.close());

interface Summary {
  ID: string;
  Subject: string;
  Created: string;
  Snippet: string;
  From: { Address: string; Name: string };
  To: { Address: string; Name: string }[];
}
interface MessageList {
  total: number;
  messages_count: number;
  messages: Summary[];
}

async function api<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(`${INBOX_URL}/api/v1${path}`, init);
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') ? await response.json() : await response.text()) as T;
  return { status: response.status, body };
}

const search = (query: string) => api<MessageList>(`/search?query=${encodeURIComponent(query)}`);

async function send(fields: SendMailOptions) {
  return transport.sendMail({ from: '"Support Desk" <noreply@supportdesk.test>', ...fields });
}

describe.skipIf(!IS_LOCAL)('local inbox', () => {
  it('stores a plain-text email and returns it through the message API', async () => {
    const to = uniqueEmail('mail-text');
    const since = new Date(Date.now() - 1000);
    await send({ to, subject: 'Your ticket #42', text: 'Hello Ada,\n\nyour ticket was updated.' });

    const message = await waitForEmail(to, { since });
    expect(message.Subject).toBe('Your ticket #42');
    expect(message.From).toEqual({ Address: 'noreply@supportdesk.test', Name: 'Support Desk' });
    expect(message.To).toEqual([{ Address: to, Name: '' }]);
    expect(message.Text).toContain('your ticket was updated.');
    expect(message.HTML).toBe('');
    expect(new Date(message.Created).getTime()).toBeGreaterThanOrEqual(since.getTime());
    expect(Number.isNaN(Date.parse((message as InboxMessage & { Date: string }).Date))).toBe(false);
  });

  it('keeps the HTML body and builds the snippet from the text', async () => {
    const to = uniqueEmail('mail-html');
    await send({ to, subject: 'Confirm your signup', text: 'Confirm: http://x.test/verify?t=1', html: '<p>Confirm <a href="http://x.test/verify?t=1&amp;a=b">here</a></p>' });
    const message = await waitForEmail(to);
    expect(message.HTML).toContain('<a href="http://x.test/verify?t=1&amp;a=b">');
    const { body } = await search(`to:${to}`);
    expect(body.messages[0].Snippet).toBe('Confirm: http://x.test/verify?t=1');
  });

  it('lists newest first and searches by recipient, subject and free text', async () => {
    const to = uniqueEmail('mail-search');
    await send({ to, subject: 'First notice', text: 'alpha body' });
    await send({ to, subject: 'Second notice', text: 'beta body' });
    await waitForEmail(to);

    const byRecipient = await search(`to:${to}`);
    expect(byRecipient.body.messages.map((m) => m.Subject)).toEqual(['Second notice', 'First notice']);
    expect((await search(`to:${to} subject:"first notice"`)).body.messages.map((m) => m.Subject)).toEqual(['First notice']);
    expect((await search(`to:${to} beta`)).body.messages.map((m) => m.Subject)).toEqual(['Second notice']);
    expect((await search(`to:${to} -beta`)).body.messages.map((m) => m.Subject)).toEqual(['First notice']);

    const all = await api<MessageList>('/messages');
    expect(all.body.total).toBeGreaterThanOrEqual(2);
    expect(all.body.messages[0].Subject).toBe('Second notice');
  });

  it('accepts any SMTP login, so production SMTP settings still deliver here', async () => {
    const to = uniqueEmail('mail-auth');
    const loggedIn = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'app', pass: 'production-secret' },
    });
    await loggedIn.sendMail({ from: 'app@supportdesk.test', to, subject: 'with login', text: 'hi' });
    loggedIn.close();
    expect((await waitForEmail(to)).Subject).toBe('with login');
  });

  it('finds Bcc recipients taken from the SMTP envelope', async () => {
    const hidden = uniqueEmail('mail-bcc');
    await send({ to: uniqueEmail('mail-visible'), bcc: hidden, subject: 'Agent copy', text: 'copy' });
    const message = await waitForEmail(hidden);
    expect(message.Subject).toBe('Agent copy');
  });

  it('deletes chosen messages by ID and leaves the others', async () => {
    const to = uniqueEmail('mail-delete');
    await send({ to, subject: 'keep', text: 'k' });
    await send({ to, subject: 'drop', text: 'd' });
    await waitForEmail(to);
    const { body } = await search(`to:${to}`);
    const drop = body.messages.find((m) => m.Subject === 'drop')!;

    const deleted = await api('/messages', { method: 'DELETE', body: JSON.stringify({ IDs: [drop.ID] }) });
    expect(deleted.status).toBe(200);
    expect((await search(`to:${to}`)).body.messages.map((m) => m.Subject)).toEqual(['keep']);
    expect((await api(`/message/${drop.ID}`)).status).toBe(404);
  });

  it('rejects malformed delete requests without deleting anything', async () => {
    const to = uniqueEmail('mail-baddelete');
    await send({ to, subject: 'survivor', text: 's' });
    await waitForEmail(to);
    for (const body of ['{not json', '{"IDs":"abc"}', '{"IDs":["../../etc/passwd"]}', '{"ids":[]}']) {
      const response = await api<string>('/messages', { method: 'DELETE', body });
      expect(response.status, body).toBe(400);
    }
    expect((await search(`to:${to}`)).body.messages).toHaveLength(1);
  });

  it('answers bad lookups with clear errors', async () => {
    expect((await api<string>('/message/does-not-exist')).status).toBe(404);
    expect((await api<string>('/search')).status).toBe(400);
    expect((await api<string>('/messages?limit=0')).status).toBe(400);
    expect((await api<string>('/messages?start=-1')).status).toBe(400);
  });

  it('refuses messages above the size limit', async () => {
    const oversized = 'x'.repeat(26 * 1024 * 1024);
    await expect(send({ to: uniqueEmail('mail-big'), subject: 'big', text: oversized })).rejects.toThrow(/552|size/i);
  });

  it('renders a web inbox that never runs the email’s scripts', async () => {
    const to = uniqueEmail('mail-web');
    await send({ to, subject: '<script>alert(1)</script> Welcome', text: 'hi', html: '<p>Hi</p><script>alert(2)</script>' });
    const message = await waitForEmail(to);

    const list = await (await fetch(`${INBOX_URL}/?query=${encodeURIComponent(`to:${to}`)}`)).text();
    expect(list).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Welcome');
    expect(list).not.toContain('<script>');

    const view = await fetch(`${INBOX_URL}/view/${message.ID}`);
    const page = await view.text();
    expect(view.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page).toMatch(/<iframe[^>]+sandbox="[^"]*"/);
    expect(page).not.toMatch(/allow-scripts|allow-same-origin/);

    const frame = await fetch(`${INBOX_URL}/view/${message.ID}/html`);
    expect(frame.headers.get('content-security-policy')).toMatch(/^sandbox\b.*default-src 'none'/);
  });

  it('keeps messages on disk, so a restarted inbox still has them', async () => {
    const to = uniqueEmail('mail-persist');
    await send({ to, subject: 'persisted', text: 'p' });
    const message = await waitForEmail(to);
    const reopened = await MailStore.open(MAIL_DIR, createLogger('mail-test'));
    expect(reopened.get(message.ID)?.Subject).toBe('persisted');
  });

  it('empties the inbox on DELETE without a body', async () => {
    await send({ to: uniqueEmail('mail-all'), subject: 'x', text: 'x' });
    expect((await api('/messages', { method: 'DELETE' })).status).toBe(200);
    const { body } = await api<MessageList>('/messages');
    expect(body.total).toBe(0);
    expect(body.messages).toEqual([]);
  });
});
