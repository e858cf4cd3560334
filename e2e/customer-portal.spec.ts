import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../supabase/tests/helpers/env.ts';
import { orgWithMembers, type OrgFixture } from '../supabase/tests/helpers/org.ts';
import { statusIds } from '../supabase/tests/helpers/tickets.ts';
import { expectAccessible, newSession } from './helpers/app.ts';
import { launchBrowser } from './helpers/browser.ts';
import { signInAs } from './helpers/session.ts';

/**
 * A customer signs in and lands on the portal, raises a ticket with an attachment, sees the agent's
 * reply appear live (made through supabase-js) but never the internal note written beside it, and
 * reopens the ticket with a reason once the agent resolves it.
 */
describe('customer portal', () => {
  let browser: Browser;
  let page: Page;
  let org: OrgFixture;
  let ticketId: string;
  const subject = `Printer eats paper ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    org = await orgWithMembers('e2e-portal');
    page = await newSession(browser);
  });
  afterAll(() => browser?.close());

  it('lands the customer on their (empty) ticket list', async () => {
    await signInAs(page, org.members.customer.email);
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`/o/${org.slug}/portal$`));
    await page.getByText('You have not raised any tickets yet').waitFor();
    await expectAccessible(page, 'empty portal');
  });

  it('raises a ticket with an attachment and lands on it', async () => {
    await page.getByRole('link', { name: 'New ticket' }).click();
    await page.getByRole('heading', { name: 'New ticket' }).waitFor();
    await page.getByRole('button', { name: 'Send ticket' }).click();
    await page.getByText('Enter a subject.').waitFor();
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Description').fill('It takes one sheet and <b>never</b> gives it back.');
    await page.getByLabel('Priority').selectOption('high');
    await page.getByTestId('attachment-input').setInputFiles({ name: 'jam.txt', mimeType: 'text/plain', buffer: Buffer.from('paper jam log') });
    await page.getByRole('list', { name: 'Files to attach' }).getByText('jam.txt').waitFor();
    await expectAccessible(page, 'new ticket form');
    await page.getByRole('button', { name: 'Send ticket' }).click();

    await page.getByRole('heading', { name: subject }).waitFor({ timeout: 10_000 });
    await page.getByText('It takes one sheet and <b>never</b> gives it back.').waitFor();
    await page.getByRole('button', { name: /jam\.txt/ }).waitFor();
    const { data } = await admin().from('tickets').select('id, priority, ticket_attachments(file_name)').eq('subject', subject).single();
    expect(data).toMatchObject({ priority: 'high', ticket_attachments: [{ file_name: 'jam.txt' }] });
    ticketId = data!.id;
    await expectAccessible(page, 'ticket page');
  });

  it('shows the agent\'s reply live and never the internal note', async () => {
    const agent = org.members.agent.supabase;
    await page.getByText('No replies yet').waitFor();
    expect((await agent.from('ticket_comments').insert({ ticket_id: ticketId, body: 'Secret: the printer is cursed', is_internal: true })).error).toBeNull();
    const sentAt = Date.now();
    expect((await agent.from('ticket_comments').insert({ ticket_id: ticketId, body: 'Please open tray 2 and remove the sheet.' })).error).toBeNull();
    await page.getByText('Please open tray 2 and remove the sheet.').waitFor({ timeout: 5_000 });
    expect(Date.now() - sentAt, 'reply shown within a second or so').toBeLessThan(2_000);
    expect(await page.getByText('Secret: the printer is cursed').count()).toBe(0);
    expect(await page.getByRole('list', { name: 'Conversation' }).getByRole('listitem').count()).toBe(1);
  });

  it('reopens the ticket with a reason once the agent resolves it', async () => {
    const status = await statusIds(org.orgId);
    expect((await org.members.agent.supabase.from('tickets').update({ status_id: status.resolved }).eq('id', ticketId)).error).toBeNull();
    await page.getByText('We marked this ticket as resolved').waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Reopen' }).click();
    const dialog = page.getByRole('dialog', { name: /Reopen/ });
    await dialog.getByRole('button', { name: 'Reopen ticket' }).click();
    await dialog.getByText('Say why the problem is not solved.').waitFor();
    await expectAccessible(page, 'reopen dialog');
    await dialog.getByLabel('Reason for reopening').fill('It jammed again this morning.');
    await dialog.getByRole('button', { name: 'Reopen ticket' }).click();
    await page.getByText('Ticket reopened').waitFor();
    await page.getByRole('heading', { name: 'Reply' }).waitFor();
    const { data } = await admin().from('tickets').select('status_category, reopen_reason').eq('id', ticketId).single();
    expect(data).toEqual({ status_category: 'open', reopen_reason: 'It jammed again this morning.' });
    await expectAccessible(page, 'reopened ticket');
    await page.screenshot({ path: '.supabase-local/test-reports/customer-portal.png', fullPage: true });
  });

  it('finds the ticket in the list by searching', async () => {
    await page.getByRole('link', { name: 'All your tickets' }).click();
    await page.getByLabel('Search your tickets').fill('printer paper');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('list', { name: 'Your tickets' }).getByText(subject).waitFor();
    await page.getByLabel('Search your tickets').fill('cursed');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No tickets match this search').waitFor();
    await expectAccessible(page, 'portal search');
  });

  it('lists the ticket a duplicate of theirs was merged into under "Tickets you follow", and opens it', async () => {
    const original = `Invoice shows the wrong VAT ${Date.now().toString(36)}`;
    const { data: survivor } = await org.members.requester.supabase.from('tickets')
      .insert({ org_id: org.orgId, subject: original, description: 'VAT is 19% instead of 7%.' }).select('id').single();
    const { data: duplicate } = await org.members.customer.supabase.from('tickets')
      .insert({ org_id: org.orgId, subject: 'Wrong VAT on my invoice', description: 'Same here.' }).select('id').single();
    const merged = await org.members.manager.supabase.rpc('merge_tickets', { source_id: duplicate!.id, target_id: survivor!.id });
    expect(merged.error).toBeNull();

    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.reload(); // (the customer comes back later: the list is not live)
    const followed = page.getByRole('list', { name: 'Tickets you follow' });
    await followed.getByText(original).waitFor();
    await expectAccessible(page, 'portal with followed tickets');
    await followed.getByText(original).click();
    await page.getByRole('heading', { name: original }).waitFor();
    await page.getByText('VAT is 19% instead of 7%.').waitFor();
  });
});
