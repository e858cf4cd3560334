import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../supabase/tests/helpers/env.ts';
import { orgWithMembers, type OrgFixture } from '../supabase/tests/helpers/org.ts';
import { raiseTicket, type Ticket } from '../supabase/tests/helpers/tickets.ts';
import { APP_URL } from './helpers/app-server.ts';
import { expectAccessible, newSession } from './helpers/app.ts';
import { launchBrowser } from './helpers/browser.ts';
import { signInAs } from './helpers/session.ts';

const NOTE = 'Internal: the customer is on the legacy plan, do not promise a refund';
const REPLY = 'Thanks for the screenshot, we are looking into it now.';

/**
 * The helpdesk end to end, three people in three browser sessions: a customer raises a ticket with an
 * attachment; an agent sees it appear live, replies and adds an internal note; the customer sees the reply
 * live but never the note; the agent resolves; the customer reopens with a reason; an admin merges a
 * duplicate into it and exports the view as CSV.
 */
describe('helpdesk journey: customer, agent and admin on one ticket', () => {
  let browser: Browser;
  let org: OrgFixture;
  let customer: Page;
  let agent: Page;
  let adminPage: Page;
  let ticketNumber = '';
  let ticketId = '';
  const subject = `Checkout button does nothing ${Date.now().toString(36)}`;
  const ticketRow = (page: Page, text: string) => page.locator('tbody tr').filter({ hasText: text });

  beforeAll(async () => {
    browser = await launchBrowser();
    org = await orgWithMembers('e2e-helpdesk');
    for (const [key, name] of [['agent', 'Avery Agent'], ['admin', 'Addison Admin'], ['customer', 'Casey Customer']] as const) {
      const { error } = await admin().from('profiles').update({ display_name: name }).eq('id', org.members[key].userId);
      if (error) throw error;
    }
    [customer, agent, adminPage] = await Promise.all([newSession(browser), newSession(browser), newSession(browser)]);
    await signInAs(agent, org.members.agent.email);
    await agent.goto(`${APP_URL}/o/${org.slug}/tickets`);
    await agent.getByRole('heading', { name: 'Tickets' }).waitFor();
    await signInAs(customer, org.members.customer.email);
  });
  afterAll(() => browser?.close());

  it('the customer raises a ticket with an attachment; the agent\'s list shows it live', async () => {
    await customer.getByRole('link', { name: 'New ticket' }).click();
    await customer.getByLabel('Subject').fill(subject);
    await customer.getByLabel('Description').fill('I click "Pay" and <em>nothing</em> happens.');
    await customer.getByTestId('attachment-input').setInputFiles({ name: 'checkout.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]) });
    await customer.getByRole('button', { name: 'Send ticket' }).click();
    await customer.getByRole('heading', { name: subject }).waitFor({ timeout: 10_000 });
    await customer.getByRole('button', { name: /checkout\.png/ }).waitFor();

    const started = Date.now();
    await ticketRow(agent, subject).waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    const raised = (await admin().from('tickets').select('id, number').eq('subject', subject).single()).data!;
    ticketId = raised.id;
    ticketNumber = raised.number!;
  });

  it('the agent replies and adds an internal note; the customer sees the reply live and never the note', async () => {
    await ticketRow(agent, subject).getByText(subject).click();
    await agent.getByRole('heading', { level: 1, name: subject }).waitFor();
    await agent.getByRole('textbox', { name: 'Reply', exact: true }).fill(REPLY);
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await customer.getByText(REPLY).waitFor({ timeout: 5_000 });

    await agent.getByRole('radio', { name: 'Internal note' }).check();
    await agent.getByRole('textbox', { name: 'Internal note', exact: true }).fill(NOTE);
    await agent.getByRole('button', { name: 'Add note' }).click();
    await agent.getByRole('list', { name: 'Conversation' }).getByText(NOTE).waitFor();
    await agent.getByRole('radio', { name: 'Reply to requester' }).check();
    await expectAccessible(agent, 'agent ticket page');

    // give the note every chance to arrive, then make sure it did not
    await customer.waitForTimeout(1_500);
    expect(await customer.getByText(NOTE).count()).toBe(0);
    await customer.reload();
    await customer.getByText(REPLY).waitFor();
    expect(await customer.getByText(NOTE).count()).toBe(0);
  });

  it('the agent resolves; the customer reopens with a reason', async () => {
    await agent.getByLabel('Change status').selectOption({ label: 'Resolved' });
    const resolve = agent.getByRole('dialog', { name: `Resolve ${ticketNumber}` });
    await resolve.getByLabel('Resolution remarks (optional)').fill('Cleared the stale session.');
    await resolve.getByRole('button', { name: 'Move to Resolved' }).click();

    await customer.getByText('We marked this ticket as resolved').waitFor({ timeout: 5_000 });
    await customer.getByRole('button', { name: 'Reopen' }).click();
    const reopen = customer.getByRole('dialog', { name: /Reopen/ });
    await reopen.getByLabel('Reason for reopening').fill('Still nothing happens on Safari.');
    await reopen.getByRole('button', { name: 'Reopen ticket' }).click();
    await customer.getByText('Ticket reopened').waitFor();
    const reopened = async () => {
      const { data, error } = await admin().from('tickets').select('status_category, reopen_reason').eq('id', ticketId);
      return error ?? data;
    };
    await expect.poll(reopened, { timeout: 5_000 }).toEqual([{ status_category: 'open', reopen_reason: 'Still nothing happens on Safari.' }]);
    await expectAccessible(customer, 'customer ticket page');
  });

  it('an admin merges a duplicate into it; the duplicate\'s requester is told where it went', async () => {
    const duplicate: Ticket = await raiseTicket(org.members.customer, org.orgId, { subject: `Pay button broken ${Date.now().toString(36)}` });
    await signInAs(adminPage, org.members.admin.email);
    await adminPage.goto(`${APP_URL}/o/${org.slug}/tickets/${duplicate.number}`);
    await adminPage.getByRole('button', { name: 'Merge' }).click();
    const merge = adminPage.getByRole('dialog', { name: `Merge ${duplicate.number} into another ticket` });
    await merge.getByLabel('Find a ticket').fill(ticketNumber);
    await merge.getByRole('radio', { name: new RegExp(ticketNumber) }).check();
    await merge.getByRole('button', { name: 'Continue' }).click();
    await merge.getByRole('button', { name: `Merge into ${ticketNumber}` }).click();
    await adminPage.waitForURL(new RegExp(`${ticketNumber}$`));
    const merged = (await admin().from('tickets').select('merged_into_id, status_category').eq('id', duplicate.id).single()).data;
    expect(merged).toEqual({ status_category: 'closed', merged_into_id: expect.any(String) });
    const { data: notice } = await org.members.customer.supabase.from('ticket_comments').select('body').eq('ticket_id', duplicate.id);
    expect(notice?.map((c) => c.body).join('\n')).toContain(ticketNumber);
  });

  it('the admin exports the view as CSV: the ticket is in it, the internal note is not', async () => {
    await adminPage.goto(`${APP_URL}/o/${org.slug}/tickets`);
    await ticketRow(adminPage, subject).waitFor();
    const [download] = await Promise.all([adminPage.waitForEvent('download'), adminPage.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(ticketNumber);
    expect(csv).toContain(subject);
    expect(csv).not.toContain(NOTE);
  });
});
