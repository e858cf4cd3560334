import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatOrg, identityHash, reply, type ChatOrg } from '../supabase/tests/helpers/chat.ts';
import { joinPrivate } from '../supabase/tests/helpers/realtime.ts';
import { APP_URL } from './helpers/app-server.ts';
import { launchBrowser } from './helpers/browser.ts';
import { expectAccessible } from './helpers/app.ts';
import { chat, embedFrame, launcher, openDemo, visitorClient, widgetEvents } from './helpers/widget.ts';

/**
 * The chat widget as a visitor meets it: the demo site embeds the snippet; the visitor chats with an
 * image while an agent (supabase-js, as the inbox would) types and replies; other visitors and other
 * hosts get nothing.
 */

const SHOTS = '.supabase-local/test-reports';

describe('the chat widget on the demo site', () => {
  let browser: Browser;
  let org: ChatOrg;
  let demoUrl: string;
  let firstVisitor: BrowserContext;
  const first = { text: `Where is my order? <img src=x onerror="window.pwned=1"> ${Date.now()}`, conversationId: '', imagePath: '' };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
    org = await chatOrg('e2e-widget', { allowed_domains: ['127.0.0.1'], greeting: 'Hello from the e2e shop!' });
    demoUrl = `${APP_URL}/demo/?widget=${org.widget.widget_key}`;
  });
  afterAll(() => browser?.close());

  it('lets a visitor send a message with an image and see the agent typing and replying live', async () => {
    const { page, context } = await openDemo(browser, demoUrl);
    firstVisitor = context;
    await expect.poll(() => launcher(page).isVisible()).toBe(true);
    expect(await page.locator('#supportdesk-widget iframe').isVisible(), 'the chat stays hidden until opened').toBe(false);

    await launcher(page).click();
    await chat(page).getByText('Hello from the e2e shop!').waitFor();
    expect(await widgetEvents(page)).toEqual(expect.arrayContaining(['ready', 'opened']));

    const image = await page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 120 } }); // a real PNG to attach
    await chat(page).getByLabel('Attach a file').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: image });
    await chat(page).getByLabel('Message').fill(first.text);
    await chat(page).getByRole('button', { name: 'Send' }).click();
    await chat(page).getByText(first.text).waitFor();
    await chat(page).getByText('Delivered').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), 'visitor text stays text').toBeUndefined();

    const agent = org.members.agent.supabase;
    const { data: conversations } = await agent.from('conversations').select('id').eq('widget_id', org.widget.id);
    first.conversationId = conversations![0].id;
    const { data: stored } = await agent.from('messages').select('content, attachments').eq('conversation_id', first.conversationId);
    expect(stored![0].content).toBe(first.text);
    first.imagePath = (stored![0].attachments as { path: string }[])[0].path;
    await chat(page).getByRole('img', { name: 'receipt.png' }).waitFor();
    await expect.poll(() => chat(page).getByRole('img', { name: 'receipt.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);

    const topic = await joinPrivate(agent, `conversation:${first.conversationId}`);
    expect(topic.status).toBe('SUBSCRIBED');
    await chat(page).getByLabel('Message').pressSequentially('One more thing');
    expect((await topic.messages.next((m) => m.event === 'typing')).payload).toMatchObject({ typing: true, sender_type: 'visitor' });
    await chat(page).getByLabel('Message').fill('');
    await topic.channel.send({ type: 'broadcast', event: 'typing', payload: { typing: true, sender_type: 'agent', name: 'Ari' } });
    await chat(page).getByText('Ari is typing…').waitFor();
    expect((await reply(org.members.agent, first.conversationId, 'It ships tomorrow, tracking follows by email.')).error).toBeNull();
    await chat(page).getByText('It ships tomorrow, tracking follows by email.').waitFor();
    await expect.poll(() => chat(page).getByText('Ari is typing…').count()).toBe(0);

    expect((await agent.rpc('mark_conversation_read', { conversation_id: first.conversationId })).error).toBeNull();
    await chat(page).getByText('Read').first().waitFor();
    await expectAccessible(page, 'the demo site with the chat open');
    await page.screenshot({ path: `${SHOTS}/chat-widget-desktop.png` });

    // Closed, a reply raises the unread badge, which survives the shop's client-side navigation.
    await chat(page).getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => page.locator('#supportdesk-widget iframe').isVisible()).toBe(false);
    await reply(org.members.agent, first.conversationId, 'Anything else I can do?');
    await expect.poll(() => launcher(page).getAttribute('aria-label')).toBe('Open chat (1 unread messages)');
    await page.getByRole('link', { name: 'Boots' }).click();
    expect(page.url()).toContain('#boots');
    expect(await launcher(page).getAttribute('aria-label')).toBe('Open chat (1 unread messages)');
    expect(await widgetEvents(page)).toEqual(expect.arrayContaining(['closed', 'message']));
    await topic.channel.unsubscribe();
  });

  it('shows a returning visitor their conversation, catches up after a lost connection, and asks for a rating', async () => {
    const page = await firstVisitor.newPage();
    await page.goto(demoUrl);
    await launcher(page).click();
    await chat(page).getByText(first.text).waitFor();
    await chat(page).getByText('Anything else I can do?').waitFor();

    // Replies sent while the connection is down arrive once it is back, once each.
    await firstVisitor.setOffline(true);
    await page.waitForTimeout(1000); // Chromium closes the open WebSocket shortly after going offline
    await reply(org.members.agent, first.conversationId, 'First reply while you were offline');
    await reply(org.members.agent, first.conversationId, 'Second reply while you were offline');
    await page.waitForTimeout(1500);
    expect(await chat(page).getByText('reply while you were offline').count(), 'nothing arrives while offline').toBe(0);
    await firstVisitor.setOffline(false);
    await chat(page).getByText('Second reply while you were offline').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    expect(await chat(page).getByText('First reply while you were offline').count()).toBe(1);
    expect(await chat(page).getByText('Second reply while you were offline').count()).toBe(1);

    // Resolved, the conversation asks for a rating with a comment.
    const agent = org.members.agent.supabase;
    expect((await agent.from('conversations').update({ status: 'resolved' }).eq('id', first.conversationId)).error).toBeNull();
    await chat(page).getByText('This conversation has been closed.').waitFor();
    await chat(page).getByLabel('4 out of 5').check({ force: true });
    await chat(page).getByLabel('Anything to add? (optional)').fill('Quick and <b>friendly</b>');
    await expectAccessible(page, 'the rating form');
    await page.screenshot({ path: `${SHOTS}/chat-widget-csat.png` });
    await chat(page).getByRole('button', { name: 'Send rating' }).click();
    await chat(page).getByText('Thank you for your feedback!').waitFor();
    const { data: rated } = await agent.from('conversations').select('csat_rating, csat_comment').eq('id', first.conversationId).single();
    expect(rated).toEqual({ csat_rating: 4, csat_comment: 'Quick and <b>friendly</b>' });
    await firstVisitor.close();
  });

  it('keeps a second visitor out of the first one\'s conversation, in the UI and through the API', async () => {
    const { page, context } = await openDemo(browser, demoUrl);
    await launcher(page).click();
    await chat(page).getByText('Hello from the e2e shop!').waitFor();
    expect(await chat(page).getByText(first.text).count()).toBe(0);
    await chat(page).getByLabel('Message').fill('Hello, I am someone else');
    await chat(page).getByRole('button', { name: 'Send' }).click();
    await chat(page).getByText('Delivered').waitFor({ timeout: 10_000 });

    const other = await visitorClient(page, org.widget.widget_key);
    expect((await other.from('conversations').select('id').eq('id', first.conversationId)).data).toEqual([]);
    expect((await other.from('messages').select('id').eq('conversation_id', first.conversationId)).data).toEqual([]);
    const intrusion = await other.from('messages').insert({ conversation_id: first.conversationId, sender_type: 'visitor', content: 'let me in' });
    expect(intrusion.error?.code).toBe('42501');
    expect((await other.storage.from('chat-attachments').download(first.imagePath)).error).not.toBeNull();
    expect((await joinPrivate(other, `conversation:${first.conversationId}`)).status).not.toBe('SUBSCRIBED');
    await context.close();
  });

  it('opens on a click pressed while the chat is still loading and released once it is ready', async () => {
    const { page, context } = await openDemo(browser, demoUrl);
    let release = () => {};
    const settingsHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/rpc/get_widget_config', async (route) => {
      await settingsHeld;
      await route.continue();
    });
    await page.reload(); // the chat frame boots again, its settings held back
    const box = (await launcher(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    release();
    await expect.poll(() => widgetEvents(page)).toContain('ready');
    await page.mouse.up();
    await chat(page).getByText('Hello from the e2e shop!').waitFor();
    await context.close();
  });

  it('fills a phone screen, in the browser\'s language (Arabic, right to left)', async () => {
    const { page, context } = await openDemo(browser, demoUrl, { width: 390, height: 844 }, 'ar-EG');
    await launcher(page).click();
    await chat(page).getByText('Hello from the e2e shop!').waitFor();
    await chat(page).getByText('متصل').waitFor();
    expect(await embedFrame(page).evaluate(() => document.documentElement.dir)).toBe('rtl');
    // hidden behind the full-screen chat, but labelled in the visitor's language
    expect(await page.locator('#supportdesk-widget button').getAttribute('aria-label')).toBe('أغلق الدردشة');
    const panel = await page.locator('#supportdesk-widget iframe').boundingBox();
    expect(panel).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await expectAccessible(page, 'the chat on a phone');
    await page.screenshot({ path: `${SHOTS}/chat-widget-mobile.png` });
    await context.close();
  });

  it('chats as the host site\'s signed-in user once setUser brings a valid identity hash', async () => {
    const admin = org.members.admin.supabase;
    const { data: widget } = await admin.from('widgets').insert({ org_id: org.orgId, name: 'Members only', allowed_domains: ['127.0.0.1'] }).select().single();
    const { data: secret } = await admin.rpc('rotate_widget_secret', { widget_id: widget!.id });
    expect((await admin.from('widgets').update({ require_verified_identity: true }).eq('id', widget!.id)).error).toBeNull();
    const { page, context } = await openDemo(browser, `${APP_URL}/demo/?widget=${widget!.widget_key}`);
    await launcher(page).click();
    await chat(page).getByText('Please sign in to the site to chat with us.').waitFor();
    expect(await chat(page).getByLabel('Message').count()).toBe(0);

    const hash = identityHash(secret!, 'member-42');
    await page.evaluate((proof) => (window as unknown as { Supportdesk: { setUser: (id: string, details: object) => void } })
      .Supportdesk.setUser('member-42', { name: 'Morgan Member', email: 'morgan@example.com', hash: proof }), hash);
    await chat(page).getByLabel('Message').fill('Signed in and verified');
    await chat(page).getByRole('button', { name: 'Send' }).click();
    await chat(page).getByText('Delivered').waitFor({ timeout: 10_000 });
    const { data: conversation } = await org.members.agent.supabase.from('conversations')
      .select('contacts(external_id, name, email)').eq('widget_id', widget!.id).single();
    expect(conversation!.contacts).toEqual({ external_id: 'member-42', name: 'Morgan Member', email: 'morgan@example.com' });
    await context.close();
  });

  it('asks the pre-chat form and, while nobody can answer, keeps the conversation for email replies', async () => {
    const closed = await org.members.owner.supabase.from('organizations').update({ business_hours: {} }).eq('id', org.orgId);
    expect(closed.error).toBeNull();
    const { data: widget } = await org.members.admin.supabase.from('widgets').insert({
      org_id: org.orgId, name: 'Pre-chat', allowed_domains: ['127.0.0.1'], away_message: 'We are out hiking, back on Monday.',
      prechat_fields: [
        { key: 'name', label: 'Your name', type: 'text', required: true },
        { key: 'email', label: 'Your email', type: 'email', required: true },
      ],
    }).select().single();
    const { page, context } = await openDemo(browser, `${APP_URL}/demo/?widget=${widget!.widget_key}`);
    await launcher(page).click();
    await chat(page).getByText('We are out hiking, back on Monday.').waitFor();
    await chat(page).getByText('Away', { exact: true }).waitFor();
    const name = '<script>alert(1)</script> Robin';
    await chat(page).getByLabel('Your name').fill(name);
    await chat(page).getByLabel('Your email').fill('robin@example.com');
    await expectAccessible(page, 'the pre-chat form');
    await chat(page).getByRole('button', { name: 'Start chat' }).click();
    await chat(page).getByLabel('Message').fill('Do you ship to Norway?');
    await chat(page).getByRole('button', { name: 'Send' }).click();
    await chat(page).getByText('Delivered').waitFor({ timeout: 10_000 });

    const { data: conversation } = await org.members.agent.supabase.from('conversations')
      .select('offline, visitor_email, contacts(name)').eq('widget_id', widget!.id).single();
    expect(conversation).toMatchObject({ offline: true, visitor_email: 'robin@example.com', contacts: { name } });
    await page.screenshot({ path: `${SHOTS}/chat-widget-prechat.png` });
    await context.close();
  });

  it('refuses, readably, a host the widget does not allow', async () => {
    const { page, context } = await openDemo(browser, demoUrl.replace('127.0.0.1', 'localhost'));
    await launcher(page).click();
    const origin = new URL(APP_URL.replace('127.0.0.1', 'localhost')).origin;
    await chat(page).getByText(`This chat is not enabled on ${origin}.`).waitFor();
    expect(await chat(page).getByLabel('Message').count(), 'no way to chat').toBe(0);
    expect(await widgetEvents(page)).toContain('error');
    await page.screenshot({ path: `${SHOTS}/chat-widget-refused.png` });
    await context.close();
  });
});
