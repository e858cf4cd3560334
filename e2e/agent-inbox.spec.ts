import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatOrg, contactFor, send, startConversation, visitor, type ChatOrg, type Visitor } from '../supabase/tests/helpers/chat.ts';
import { admin } from '../supabase/tests/helpers/env.ts';
import { joinPrivate, type Subscription } from '../supabase/tests/helpers/realtime.ts';
import { expectAccessible, newSession } from './helpers/app.ts';
import { APP_URL } from './helpers/app-server.ts';
import { launchBrowser } from './helpers/browser.ts';
import { signInAs } from './helpers/session.ts';

function unwrapRows<T>(result: { data: T[] | null; error: unknown }): T[] {
  if (result.error) throw new Error(JSON.stringify(result.error));
  return result.data ?? [];
}

const SHOTS = '.supabase-local/test-reports';
const NOTE = 'Internal: customer is on the Pro plan';
/** A 1×1 PNG, as a visitor's screenshot would be. */
const PIXEL = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/**
 * A website visitor (an anonymous supabase-js client, doing what the widget does) starts a chat; it
 * appears live in the agent's inbox. The agent sees the visitor typing, replies, writes a private note,
 * turns the chat into a ticket and resolves it. An admin restyles the widget (the preview follows the
 * colour) and rotates its identity secret.
 */
describe('agent inbox and widget settings', () => {
  let browser: Browser;
  let agent: Page;
  let org: ChatOrg;
  let guest: Visitor & { contactId: string };
  let conversationId: string;
  let typingTopic: Subscription;

  beforeAll(async () => {
    org = await chatOrg('e2e-inbox');
    await admin().from('profiles').update({ display_name: 'Ari Agent' }).eq('id', org.members.agent.userId);
    const who = await visitor();
    guest = { ...who, contactId: await contactFor(who, org.widget.widget_key, { prechat: {}, page: { url: 'https://shop.example.com/cart', title: 'Cart' } }) };
    await admin().from('contacts').update({ name: 'Vera Visitor', email: 'vera@example.com', custom_attributes: { plan: 'Pro' } }).eq('id', guest.contactId);
    browser = await launchBrowser();
    agent = await newSession(browser);
  });
  afterAll(async () => {
    await guest?.supabase.removeAllChannels();
    await browser?.close();
  });

  it('shows a new visitor conversation live in the agent\'s inbox', async () => {
    await signInAs(agent, org.members.agent.email);
    await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await agent.getByRole('heading', { name: 'Inbox' }).waitFor();
    await agent.getByText('No conversations here').waitFor();
    await expectAccessible(agent, 'empty inbox');

    await agent.getByRole('button', { name: 'Chat availability: Online. Change' }).click();
    await agent.getByRole('menuitemradio', { name: 'Away' }).click();
    await agent.getByRole('button', { name: 'Chat availability: Away. Change' }).waitFor();
    await agent.getByRole('button', { name: 'Chat availability: Away. Change' }).click();
    await agent.getByRole('menuitemradio', { name: 'Online' }).click();
    await agent.getByRole('button', { name: 'Chat availability: Online. Change' }).waitFor();
    expect((await admin().from('memberships').select('availability').eq('user_id', org.members.agent.userId).single()).data?.availability).toBe('online');

    const conversation = await startConversation(guest, org.widget.id, guest.contactId);
    conversationId = conversation.id;
    const sentAt = Date.now();
    const receipt = `${org.orgId}/${conversationId}/${crypto.randomUUID()}-receipt.png`;
    const uploaded = await guest.supabase.storage.from('chat-attachments').upload(receipt, new Blob([PIXEL], { type: 'image/png' }));
    expect(uploaded.error).toBeNull();
    const sent = await send(guest, conversationId, 'Hi, my parcel is late <b>again</b>', { attachments: [{ path: receipt, name: 'receipt.png' }] });
    expect(sent.error).toBeNull();
    const item = agent.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Vera Visitor/ });
    await item.waitFor({ timeout: 5000 });
    await agent.getByRole('list', { name: 'Conversations' }).getByText('Hi, my parcel is late <b>again</b>').waitFor({ timeout: 5000 });
    const latencyMs = Date.now() - sentAt;
    console.info(`new conversation visible in the inbox after ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(3000);
    expect(await item.textContent()).toContain('1 unread');
  });

  it('opens the conversation with j, shows the visitor typing, and sends a reply the visitor receives', async () => {
    await agent.keyboard.press('j');
    const thread = agent.getByRole('list', { name: 'Messages' });
    await thread.getByText('Hi, my parcel is late <b>again</b>').waitFor();
    await thread.getByRole('img', { name: 'receipt.png' }).waitFor();
    // The preview loads through a signed URL of the private bucket.
    await expect.poll(() => thread.getByRole('img', { name: 'receipt.png' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await agent.locator('b', { hasText: 'again' }).count()).toBe(0);
    const panel = agent.getByRole('complementary', { name: 'Visitor details' });
    await panel.getByText('https://shop.example.com/cart').waitFor();
    expect(await panel.getByText('Pro', { exact: true }).count()).toBe(1);

    typingTopic = await joinPrivate(guest.supabase, `conversation:${conversationId}`);
    expect(typingTopic.status).toBe('SUBSCRIBED');
    await expect
      .poll(async () => {
        await typingTopic.channel.send({ type: 'broadcast', event: 'typing', payload: { typing: true } });
        return agent.getByText('The visitor is typing…').count();
      }, { timeout: 10_000, interval: 500 })
      .toBe(1);

    const box = agent.getByLabel('Reply to the visitor');
    await box.fill('Sorry about that! Let me check the tracking.');
    const agentTyping = typingTopic.messages.next((m) => m.event === 'typing' && m.payload.sender_type === 'agent');
    await box.press('Space');
    await agentTyping;
    await box.press('Enter');
    await thread.getByText('Sorry about that! Let me check the tracking.').waitFor();
    await expect
      .poll(async () => (await guest.supabase.from('messages').select('content').eq('conversation_id', conversationId)).data?.map((m) => m.content))
      .toContain('Sorry about that! Let me check the tracking.');
    expect((await guest.supabase.rpc('mark_conversation_read', { conversation_id: conversationId })).data).toBe(1);
    await thread.getByText('Seen by the visitor').waitFor();

    await agent.getByRole('button', { name: 'Assign', exact: true }).click();
    await agent.getByRole('menuitem', { name: 'Assign to me' }).click();
    await agent.getByRole('region', { name: /^Conversation with/ }).getByText('Assigned to you', { exact: true }).waitFor();
    expect((await admin().from('conversations').select('assignee_id').eq('id', conversationId).single()).data?.assignee_id).toBe(org.members.agent.userId);
    await agent.screenshot({ path: `${SHOTS}/inbox-conversation.png` });
  });

  it('adds a private note the visitor never sees', async () => {
    await agent.getByRole('radio', { name: 'Private note' }).click();
    await agent.getByLabel('Private note (only your team sees it)').fill(NOTE);
    await agent.getByLabel('Attach files').setInputFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: Buffer.from(PIXEL) });
    await agent.getByRole('list', { name: 'Files to send' }).getByText('evidence.png').waitFor();
    await agent.getByRole('button', { name: 'Add note' }).click();
    await agent.getByRole('list', { name: 'Messages' }).getByText(NOTE).waitFor();
    await agent.getByRole('list', { name: 'Messages' }).getByRole('img', { name: 'evidence.png' }).waitFor();
    await agent.getByText('Private note by Ari Agent').waitFor();
    const seen = (await guest.supabase.from('messages').select('content, attachments').eq('conversation_id', conversationId)).data;
    expect(JSON.stringify(seen)).not.toContain(NOTE);
    expect(JSON.stringify(seen)).not.toContain('evidence.png');
    const note = (await admin().from('messages').select('attachments').eq('conversation_id', conversationId).eq('is_private', true).single()).data!;
    const [file] = note.attachments as { path: string }[];
    expect((await guest.supabase.storage.from('chat-attachments').download(file.path)).data).toBeNull();
  });

  it('turns the conversation into a ticket, links to it, and tells the visitor', async () => {
    await agent.getByRole('button', { name: 'Turn into ticket' }).click();
    await agent.getByRole('link', { name: /^Ticket / }).waitFor();
    const ticket = (await admin().from('tickets').select('id, number, description').eq('source_conversation_id', conversationId).single()).data!;
    expect(ticket.description).toContain('Hi, my parcel is late <b>again</b>');
    expect(ticket.description).not.toContain(NOTE);
    expect(ticket.description).toContain('Attachment: receipt.png');
    const [internal] = (await admin().from('ticket_comments').select('body, is_internal').eq('ticket_id', ticket.id)).data!;
    expect(internal).toEqual({ is_internal: true, body: expect.stringContaining(NOTE) });
    expect(internal.body).toContain('Attachment: evidence.png');
    const link = agent.getByRole('link', { name: `Ticket ${ticket.number}`, exact: true });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/o/${org.slug}/tickets/${ticket.number}`);
    await agent.getByRole('list', { name: 'Messages' }).getByText(`We have opened ticket ${ticket.number}`).waitFor();
    const visitorView = (await guest.supabase.from('messages').select('content, sender_type').eq('conversation_id', conversationId)).data!;
    expect(visitorView.at(-1)).toEqual({ sender_type: 'system', content: expect.stringContaining(ticket.number) });
  });

  it('resolves with the e shortcut, and the inbox stays accessible', async () => {
    await agent.getByRole('region', { name: 'Conversation with Vera Visitor' }).getByRole('heading', { name: 'Vera Visitor' }).click();
    await agent.keyboard.press('e');
    await agent.getByRole('button', { name: 'Reopen' }).waitFor();
    expect((await admin().from('conversations').select('status').eq('id', conversationId).single()).data?.status).toBe('resolved');
    await agent.keyboard.press('?');
    await agent.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectAccessible(agent, 'shortcuts dialog');
    await agent.keyboard.press('Escape');
    await expectAccessible(agent, 'inbox with a resolved conversation');
    await agent.screenshot({ path: `${SHOTS}/inbox-resolved.png` });
  });

  it('lets an admin restyle the widget with a live preview and rotate its identity secret', async () => {
    const page = await newSession(browser);
    await signInAs(page, org.members.admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat widget' }).click();
    await page.getByRole('heading', { name: 'Chat widget', level: 1 }).waitFor();
    await page.getByLabel('Embed snippet').waitFor();
    expect(await page.getByLabel('Embed snippet').textContent()).toContain(org.widget.widget_key);
    await expectAccessible(page, 'widget settings');

    const header = page.getByTestId('widget-preview-header');
    expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(47, 111, 223)');
    await page.getByLabel('Colour').fill('#b91c1c');
    await expect.poll(() => header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(185, 28, 28)');
    await page.getByLabel('Greeting').fill('Hello from the preview!');
    await page.getByTestId('widget-preview').getByText('Hello from the preview!').waitFor();
    await page.getByText('Bottom left').click();
    await page.getByRole('button', { name: 'Save appearance' }).click();
    await page.getByText('Appearance saved').waitFor();
    await expect.poll(async () => (await admin().from('widgets').select('color, greeting, launcher_position').eq('id', org.widget.id).single()).data)
      .toEqual({ color: '#b91c1c', greeting: 'Hello from the preview!', launcher_position: 'left' });

    await page.getByLabel('Domains').fill('shop.example.com\nhttps://bad.example.com/path');
    await page.getByRole('button', { name: 'Save domains' }).click();
    await page.getByText('Not a host: https://bad.example.com/path').waitFor();

    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('button', { name: 'Save form' }).click();
    await page.getByText('Pre-chat form saved').waitFor();
    await expect.poll(async () => (await admin().from('widgets').select('prechat_fields').eq('id', org.widget.id).single()).data?.prechat_fields)
      .toEqual([{ key: 'email', label: 'Your email', type: 'email', required: true }]);

    await page.getByRole('button', { name: 'Create secret' }).click();
    const secretBox = page.getByLabel('Identity secret');
    await secretBox.waitFor();
    const first = await secretBox.textContent();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog', { name: 'Rotate the identity secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
    await expect.poll(() => page.getByLabel('Identity secret').textContent()).not.toBe(first);
    expect(await page.getByLabel('Identity secret').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByLabel('Require verified identity').isEnabled()).toBe(true);
    await expectAccessible(page, 'widget settings with a new secret');
    await page.screenshot({ path: `${SHOTS}/widget-settings.png`, fullPage: true });
  });

  it('pages a long inbox and a long thread: more conversations and earlier messages on request', async () => {
    const busy = await chatOrg('e2e-inbox-pages');
    const contacts = unwrapRows(await admin().from('contacts')
      .insert(Array.from({ length: 55 }, (_, i) => ({ org_id: busy.orgId, name: `Paged visitor ${String(i).padStart(2, '0')}` })))
      .select('id, name'));
    const conversations = unwrapRows(await admin().from('conversations')
      .insert(contacts.map((contact) => ({ widget_id: busy.widget.id, contact_id: contact.id }))).select('id, contact_id'));
    const oldest = conversations.find((conversation) => conversation.contact_id === contacts[0].id)!;
    // every conversation gets a message, a minute apart: "Paged visitor 54" is the latest, "…00" the oldest
    unwrapRows(await admin().from('messages').insert(conversations.map((conversation) => {
      const index = contacts.findIndex((contact) => contact.id === conversation.contact_id);
      return { conversation_id: conversation.id, sender_type: 'visitor' as const, content: `Question ${index}`, created_at: new Date(Date.now() - (60 - index) * 60_000).toISOString() };
    })).select('id'));
    // and the oldest one a long thread: 130 messages
    unwrapRows(await admin().from('messages').insert(Array.from({ length: 130 }, (_, i) => ({
      conversation_id: oldest.id, sender_type: 'visitor' as const, content: `Thread line ${i + 1}`, created_at: new Date(Date.now() - (200 - i) * 60_000).toISOString(),
    }))).select('id'));

    const page = await newSession(browser);
    await signInAs(page, busy.members.agent.email);
    await page.goto(`${APP_URL}/o/${busy.slug}/inbox?scope=all&status=open`);
    const list = page.getByRole('list', { name: 'Conversations' });
    await list.getByRole('link', { name: /Paged visitor 54/ }).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(50);
    expect(await list.getByRole('link', { name: /Paged visitor 00/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Load more conversations' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/inbox-load-more.png` });
    await page.getByRole('button', { name: 'Load more conversations' }).click();
    await list.getByRole('link', { name: /Paged visitor 00/ }).click();
    expect(await list.getByRole('listitem').count()).toBe(55);
    expect(await page.getByRole('button', { name: 'Load more conversations' }).count()).toBe(0);

    const thread = page.getByRole('list', { name: 'Messages' });
    await thread.getByText('Thread line 130').waitFor();
    expect(await thread.getByText('Thread line 30', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Load earlier messages' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/inbox-load-earlier.png` });
    await page.getByRole('button', { name: 'Load earlier messages' }).click();
    await thread.getByText('Thread line 1', { exact: true }).waitFor();
    expect(await thread.getByRole('listitem').count()).toBe(131);
    expect(await page.getByRole('button', { name: 'Load earlier messages' }).count()).toBe(0);
    await expectAccessible(page, 'paged inbox');
    await page.close();
  });
});
