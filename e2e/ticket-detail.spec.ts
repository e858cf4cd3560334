import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../supabase/tests/helpers/env.ts';
import { orgWithMembers, type OrgFixture } from '../supabase/tests/helpers/org.ts';
import { raiseTicket, type Ticket } from '../supabase/tests/helpers/tickets.ts';
import { APP_URL } from './helpers/app-server.ts';
import { expectAccessible, newSession } from './helpers/app.ts';
import { launchBrowser } from './helpers/browser.ts';
import { signInAs } from './helpers/session.ts';

const SHOTS = '.supabase-local/test-reports';
/** A new browser session signed in through the sign-in form. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await newSession(browser);
  await signInAs(page, email);
  return page;
}

const XSS_SUBJECT = '<img src=x onerror="window.__xss=1"> Printer on fire';

/**
 * An agent works a ticket on its detail page: replies, adds an internal note mentioning a teammate
 * with a file attached, moves it through the lifecycle, and sees a teammate's change arrive live
 * without losing what they are typing.
 */
describe('ticket detail page', () => {
  let browser: Browser;
  let page: Page;
  let org: OrgFixture;
  let ticket: Ticket;
  const url = () => `${APP_URL}/o/${org.slug}/tickets/${ticket.number}`;
  const composer = (name: 'Reply' | 'Internal note') => page.getByRole('textbox', { name, exact: true });
  const conversation = () => page.getByRole('list', { name: 'Conversation' });

  beforeAll(async () => {
    browser = await launchBrowser();
    org = await orgWithMembers('e2e-detail');
    for (const [key, name] of [['agent', 'Alex Agent'], ['manager', 'Morgan Manager'], ['customer', 'Casey Customer']] as const) {
      const { error } = await admin().from('profiles').update({ display_name: name }).eq('id', org.members[key].userId);
      if (error) throw error;
    }
    ticket = await raiseTicket(org.members.customer, org.orgId, { subject: XSS_SUBJECT, description: '<script>window.__xss=2</script> It smokes.' });
    await org.members.customer.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Any news? <b>bold?</b>' });
    const saved = await org.members.agent.supabase
      .from('saved_replies')
      .insert({ org_id: org.orgId, owner_id: org.members.agent.userId, title: 'Greeting', body: 'Hi {{customer.name}}, about {{ticket.number}}:' });
    if (saved.error) throw saved.error;
    page = await signedIn(browser, org.members.agent.email);
  });
  afterAll(() => browser?.close());

  it('opens the ticket by its number, renders every text inertly and is accessible', async () => {
    await page.goto(url());
    await page.getByRole('heading', { level: 1, name: XSS_SUBJECT }).waitFor();
    await conversation().getByText('Any news? <b>bold?</b>').waitFor();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await expectAccessible(page, 'ticket detail');
    await page.screenshot({ path: `${SHOTS}/ticket-detail.png`, fullPage: true });
  });

  it('sends a public reply', async () => {
    await composer('Reply').fill('We are on it.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await conversation().getByRole('listitem', { name: 'Reply by Alex Agent' }).getByText('We are on it.').waitFor();
  });

  it('schedules a reply that starts from a rendered saved reply', async () => {
    await page.getByRole('button', { name: 'Insert a saved reply' }).click();
    await page.getByRole('menuitem', { name: 'Greeting' }).click();
    await expect.poll(() => composer('Reply').inputValue()).toBe(`Hi Casey Customer, about ${ticket.number}:`);
    await composer('Reply').press('End');
    await composer('Reply').pressSequentially(' see you tomorrow.');
    await page.getByRole('checkbox', { name: 'Send later' }).check();
    await page.getByRole('button', { name: 'Schedule reply' }).click();
    await page.getByText('Choose when to send it.').waitFor();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Send at').fill(local);
    await page.getByRole('button', { name: 'Schedule reply' }).click();
    const scheduled = conversation().getByRole('listitem', { name: 'Scheduled reply by Alex Agent' });
    await scheduled.getByText(/see you tomorrow/).waitFor();
    await scheduled.getByText(/^Scheduled for/).waitFor();
    const { data } = await org.members.customer.supabase.from('ticket_comments').select('body').eq('ticket_id', ticket.id);
    expect(data?.map((c) => c.body)).not.toContain(`Hi Casey Customer, about ${ticket.number}: see you tomorrow.`);
  });

  it('adds an internal note with a mention picked from the suggestions and an attached file', async () => {
    await page.getByRole('radio', { name: 'Internal note' }).check();
    const note = composer('Internal note');
    await note.fill('Please check this @Mor');
    await page.getByRole('listbox', { name: 'Members to mention' }).getByRole('option', { name: 'Morgan Manager' }).waitFor();
    await note.press('Enter');
    await note.pressSequentially('today.');
    expect(await note.inputValue()).toBe('Please check this @Morgan Manager today.');
    await page.getByLabel('Attach files').setInputFiles({ name: '../server\u202elog.txt', mimeType: 'text/plain', buffer: Buffer.from('error 42') });
    await page.getByRole('list', { name: 'Files to send' }).getByText('serverlog.txt', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Add note' }).click();
    const added = conversation().getByRole('listitem', { name: 'Internal note by Alex Agent' });
    await added.getByText('@Morgan Manager').waitFor();
    await added.getByRole('button', { name: /serverlog\.txt/ }).waitFor({ timeout: 10_000 });
    const { data: mentions } = await admin().from('ticket_mentions').select('mentioned_user_id').eq('ticket_id', ticket.id);
    expect(mentions).toEqual([{ mentioned_user_id: org.members.manager.userId }]);
    await page.getByRole('radio', { name: 'Reply to requester' }).check();
  });

  it('moves the ticket through the lifecycle: in progress, resolved with remarks, reopened with a reason', async () => {
    const status = page.getByLabel('Change status');
    await status.selectOption({ label: 'In progress' });
    await expect.poll(async () => (await admin().from('tickets').select('status_category').eq('id', ticket.id).single()).data?.status_category).toBe('in_progress');

    await status.selectOption({ label: 'Resolved' });
    const resolve = page.getByRole('dialog', { name: `Resolve ${ticket.number}` });
    await resolve.getByLabel('Resolution remarks (optional)').fill('Replaced the fuser.');
    await resolve.getByRole('button', { name: 'Move to Resolved' }).click();
    await expect.poll(async () => (await admin().from('tickets').select('resolution').eq('id', ticket.id).single()).data?.resolution).toBe('Replaced the fuser.');

    await page.getByLabel('Change status').selectOption({ label: 'Open (reopen)' });
    const reopen = page.getByRole('dialog', { name: `Reopen ${ticket.number}` });
    await reopen.getByRole('button', { name: 'Reopen ticket' }).click();
    await reopen.getByText('Say why the ticket is reopened.').waitFor();
    await expectAccessible(page, 'reopen dialog');
    await reopen.getByLabel('Reason for reopening').fill('It smokes again.');
    await reopen.getByRole('button', { name: 'Reopen ticket' }).click();
    await expect.poll(async () => (await admin().from('tickets').select('status_category, reopen_count').eq('id', ticket.id).single()).data).toEqual({
      status_category: 'open',
      reopen_count: 1,
    });
  });

  it('shows a teammate\'s reply and priority change live, keeping the text being typed', async () => {
    await composer('Reply').fill('Half-written answer');
    const manager = org.members.manager.supabase;
    const started = Date.now();
    await manager.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Manager chimed in' });
    await conversation().getByText('Manager chimed in').waitFor({ timeout: 3000 });
    const delay = Date.now() - started;
    await manager.from('tickets').update({ priority: 'urgent' }).eq('id', ticket.id);
    await expect.poll(() => page.getByLabel('Priority').inputValue(), { timeout: 3000 }).toBe('urgent');
    await page.getByText(/Updated by Morgan Manager/).waitFor();
    expect(await composer('Reply').inputValue()).toBe('Half-written answer');
    expect(delay).toBeLessThan(2000);
    await page.screenshot({ path: `${SHOTS}/ticket-detail-live.png`, fullPage: true });
  });

  it('keeps the draft across a reload and shows the timeline', async () => {
    await page.getByText('Draft saved').waitFor({ timeout: 5000 });
    await page.reload();
    await expect.poll(() => composer('Reply').inputValue(), { timeout: 10_000 }).toBe('Half-written answer');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('changed the status from Resolved to Open').waitFor();
    await timeline.getByText('Reason: It smokes again.').waitFor();
    await timeline.getByText('attached serverlog.txt').waitFor();
    await expectAccessible(page, 'ticket timeline');
    await page.screenshot({ path: `${SHOTS}/ticket-detail-timeline.png`, fullPage: true });
  });

  it('a manager splits a reply off into a new ticket, links it and merges a duplicate', async () => {
    const manager = await signedIn(browser, org.members.manager.email);
    const duplicate = await raiseTicket(org.members.customer, org.orgId, { subject: 'Printer smoking (again)' });
    await manager.goto(url());
    await manager.getByRole('button', { name: 'Split' }).click();
    const split = manager.getByRole('dialog', { name: `Split ${ticket.number}` });
    await split.getByRole('button', { name: 'Split into a new ticket' }).click();
    await split.getByText('Give the new ticket a subject.').waitFor();
    await split.getByLabel('Subject of the new ticket').fill('Invoice question');
    await split.getByRole('checkbox', { name: 'Reply by Casey Customer' }).check();
    await expectAccessible(manager, 'split dialog');
    await manager.screenshot({ path: `${SHOTS}/ticket-detail-split.png` });
    await split.getByRole('button', { name: 'Split into a new ticket' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Invoice question' }).waitFor();
    await manager.getByRole('list', { name: 'Conversation' }).getByText('Any news? <b>bold?</b>').waitFor();
    await manager.getByRole('link', { name: new RegExp(ticket.number) }).waitFor();

    await manager.goto(`${APP_URL}/o/${org.slug}/tickets/${duplicate.number}`);
    await manager.getByRole('button', { name: 'Link' }).first().click();
    const link = manager.getByRole('dialog', { name: `Link ${duplicate.number} to another ticket` });
    await link.getByLabel('This ticket is').selectOption('related');
    await link.getByLabel('Find a ticket').fill('Invoice');
    await link.getByRole('radio', { name: /Invoice question/ }).check();
    await link.getByRole('button', { name: 'Link tickets' }).click();
    await manager.getByRole('region', { name: 'Linked tickets' }).getByRole('link', { name: /Invoice question/ }).waitFor();

    await manager.getByRole('button', { name: 'Merge' }).click();
    const merge = manager.getByRole('dialog', { name: `Merge ${duplicate.number} into another ticket` });
    await merge.getByLabel('Find a ticket').fill(ticket.number);
    await merge.getByRole('radio', { name: new RegExp(ticket.number) }).check();
    await merge.getByRole('button', { name: 'Continue' }).click();
    await merge.getByText('Merging cannot be undone').waitFor();
    await merge.getByRole('button', { name: `Merge into ${ticket.number}` }).click();
    await manager.waitForURL(new RegExp(`${ticket.number}$`));
    await expect.poll(async () => (await admin().from('tickets').select('merged_into_id, status_category').eq('id', duplicate.id).single()).data).toEqual({
      merged_into_id: ticket.id,
      status_category: 'closed',
    });
  });
});
