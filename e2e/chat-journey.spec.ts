import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatOrg, type ChatOrg } from '../supabase/tests/helpers/chat.ts';
import { admin } from '../supabase/tests/helpers/env.ts';
import { joinPrivate } from '../supabase/tests/helpers/realtime.ts';
import { APP_URL } from './helpers/app-server.ts';
import { expectAccessible, newSession } from './helpers/app.ts';
import { launchBrowser } from './helpers/browser.ts';
import { signInAs } from './helpers/session.ts';
import { chat, launcher, openDemo, visitorClient } from './helpers/widget.ts';

const QUESTION = `My discount code is refused ${Date.now().toString(36)}`;
const ANSWER = 'Sorry about that, I have applied the discount by hand.';

/**
 * Live chat end to end, both sides in the browser: a visitor on the demo site opens the widget and sends
 * a message with an image; the agent sees it appear in the inbox, types (the visitor sees it) and
 * replies; the visitor sees the reply live; the agent turns the chat into a ticket and resolves it; the
 * visitor rates the conversation. A second visitor sees none of it, by the UI or by the API.
 */
describe('live chat journey: a visitor on the demo site and an agent in the inbox', () => {
  let browser: Browser;
  let org: ChatOrg;
  let agent: Page;
  let visitorContext: BrowserContext;
  let visitorPage: Page;
  let conversationId = '';
  let imagePath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    org = await chatOrg('e2e-chat-journey', { allowed_domains: ['127.0.0.1'], greeting: 'Hi! Ask us anything.' });
    await admin().from('profiles').update({ display_name: 'Sam Support' }).eq('id', org.members.agent.userId);
    agent = await newSession(browser);
    await signInAs(agent, org.members.agent.email);
    await agent.goto(`${APP_URL}/o/${org.slug}/inbox`);
    await agent.getByText('No conversations here').waitFor();
  });
  afterAll(() => browser?.close());

  it('the visitor sends a message with an image; it appears in the agent\'s inbox within a second', async () => {
    ({ context: visitorContext, page: visitorPage } = await openDemo(browser, `${APP_URL}/demo/?widget=${org.widget.widget_key}`));
    await launcher(visitorPage).click();
    await chat(visitorPage).getByText('Hi! Ask us anything.').waitFor();
    const image = await visitorPage.screenshot({ clip: { x: 0, y: 0, width: 200, height: 100 } });
    await chat(visitorPage).getByLabel('Attach a file').setInputFiles({ name: 'coupon.png', mimeType: 'image/png', buffer: image });
    await chat(visitorPage).getByLabel('Message').fill(QUESTION);
    await chat(visitorPage).getByRole('button', { name: 'Send' }).click();

    await agent.getByRole('list', { name: 'Conversations' }).getByText(QUESTION).waitFor({ timeout: 5_000 });
    const seenAt = Date.now();
    await chat(visitorPage).getByText('Delivered').waitFor({ timeout: 10_000 });
    const stored = (await admin().from('messages').select('conversation_id, attachments, created_at').eq('content', QUESTION).single()).data!;
    const latency = seenAt - new Date(stored.created_at).getTime();
    console.info(`visitor message visible in the agent's inbox ${latency} ms after it was stored`);
    expect(latency).toBeLessThan(1_000);
    conversationId = stored.conversation_id;
    imagePath = (stored.attachments as { path: string }[])[0].path;
  });

  it('the agent opens it and types; the visitor sees the typing, then the reply, live', async () => {
    await agent.getByRole('list', { name: 'Conversations' }).getByText(QUESTION).click();
    const thread = agent.getByRole('list', { name: 'Messages' });
    await thread.getByRole('img', { name: 'coupon.png' }).waitFor();
    const box = agent.getByLabel('Reply to the visitor');
    await box.pressSequentially('Sorry about that');
    await chat(visitorPage).getByText(/is typing…/).waitFor({ timeout: 5_000 });
    await box.fill(ANSWER);
    await box.press('Enter');
    await chat(visitorPage).getByText(ANSWER).waitFor({ timeout: 5_000 });
    await expect.poll(() => chat(visitorPage).getByText(/is typing…/).count(), { timeout: 5_000 }).toBe(0);
    await expectAccessible(agent, 'inbox conversation');
  });

  it('the agent turns the chat into a ticket and resolves it; the visitor is told, and rates the conversation', async () => {
    await agent.getByRole('button', { name: 'Turn into ticket' }).click();
    await agent.getByRole('link', { name: /^Ticket / }).waitFor();
    await chat(visitorPage).getByText(/We have opened ticket/).waitFor({ timeout: 5_000 });
    const ticket = (await admin().from('tickets').select('description').eq('source_conversation_id', conversationId).single()).data!;
    expect(ticket.description).toContain(QUESTION);

    await agent.getByRole('button', { name: 'Resolve' }).click();
    await agent.getByRole('button', { name: 'Reopen' }).waitFor();
    await chat(visitorPage).getByText('This conversation has been closed.').waitFor({ timeout: 5_000 });
    await chat(visitorPage).getByLabel('5 out of 5').check({ force: true });
    await chat(visitorPage).getByLabel('Anything to add? (optional)').fill('Fast and kind');
    await chat(visitorPage).getByRole('button', { name: 'Send rating' }).click();
    await chat(visitorPage).getByText('Thank you for your feedback!').waitFor();
    const rated = (await admin().from('conversations').select('csat_rating, csat_comment').eq('id', conversationId).single()).data;
    expect(rated).toEqual({ csat_rating: 5, csat_comment: 'Fast and kind' });
  });

  it('a second visitor sees none of it, in the widget or through the API with their own token', async () => {
    const { page, context } = await openDemo(browser, `${APP_URL}/demo/?widget=${org.widget.widget_key}`);
    await launcher(page).click();
    await chat(page).getByText('Hi! Ask us anything.').waitFor();
    await chat(page).getByLabel('Message').fill('Hello, a different person here');
    await chat(page).getByRole('button', { name: 'Send' }).click();
    await chat(page).getByText('Delivered').waitFor({ timeout: 10_000 });
    expect(await chat(page).getByText(QUESTION).count()).toBe(0);
    expect(await chat(page).getByText(ANSWER).count()).toBe(0);

    const other = await visitorClient(page, org.widget.widget_key);
    expect((await other.from('conversations').select('id').eq('id', conversationId)).data).toEqual([]);
    expect((await other.from('messages').select('id').eq('conversation_id', conversationId)).data).toEqual([]);
    expect((await other.from('messages').insert({ conversation_id: conversationId, sender_type: 'visitor', content: 'let me in' })).error?.code).toBe('42501');
    expect((await other.storage.from('chat-attachments').download(imagePath)).error).not.toBeNull();
    expect((await joinPrivate(other, `conversation:${conversationId}`)).status).not.toBe('SUBSCRIBED');
    await context.close();
    await visitorContext.close();
  });
});
