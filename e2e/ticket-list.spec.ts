import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../supabase/tests/helpers/env.ts';
import { orgWithMembers, type OrgFixture } from '../supabase/tests/helpers/org.ts';
import { raiseTicket, type Ticket } from '../supabase/tests/helpers/tickets.ts';
import { expectAccessible, newSession } from './helpers/app.ts';
import { APP_URL } from './helpers/app-server.ts';
import { launchBrowser } from './helpers/browser.ts';
import { signInAs } from './helpers/session.ts';

/**
 * An agent works the ticket list: filters and saves a view, moves with j/k and opens with Enter,
 * bulk-assigns, sees the database refuse an illegal move per ticket, exports the view as CSV, sees a
 * colleague's change arrive live, and raises a ticket with similar ones suggested.
 */
describe('ticket list', () => {
  let browser: Browser;
  let page: Page;
  let org: OrgFixture;
  const tickets: Ticket[] = [];
  const rows = () => page.locator('tbody tr');
  const listUrl = () => `${APP_URL}/o/${org.slug}/tickets`;

  beforeAll(async () => {
    browser = await launchBrowser();
    org = await orgWithMembers('e2e-list');
    for (const [role, name] of [['agent', 'Ada Agent'], ['owner', 'Olga Owner'], ['customer', 'Cody Customer']] as const) {
      await admin().from('profiles').update({ display_name: name }).eq('id', org.members[role].userId).throwOnError();
    }
    const specs = [
      { subject: 'Printer jams on every page', priority: 'high', tags: ['hardware'] },
      { subject: 'VPN drops after ten minutes', priority: 'urgent', tags: ['network'] },
      { subject: 'Invoice =SUM(A1) total is wrong', priority: 'high', tags: ['billing'] },
      { subject: 'Request a second monitor', priority: 'low', tags: ['hardware'] },
    ] as const;
    for (const spec of specs) {
      tickets.push(await raiseTicket(org.members.owner, org.orgId, { ...spec, tags: [...spec.tags], requester_id: org.members.customer.userId }));
    }
    page = await newSession(browser);
    await signInAs(page, org.members.agent.email);
  });
  afterAll(() => browser?.close());

  it('lists the tickets with their SLA, from the navigation', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' }).click();
    await page.getByRole('heading', { name: 'Tickets' }).waitFor();
    await expect.poll(() => rows().count()).toBe(4);
    expect(await page.locator('tbody').getByText('On track').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Unassigned', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'ticket list');
    await page.screenshot({ path: '.supabase-local/test-reports/ticket-list.png', fullPage: true });
  });

  it('filters by priority (in the URL) and saves the view', async () => {
    await page.getByLabel('Priority', { exact: true }).selectOption('high');
    await expect.poll(() => page.url()).toContain('priority=high');
    await expect.poll(() => rows().count()).toBe(2);
    expect(await page.getByRole('button', { name: /Priority: High/ }).count()).toBe(1);

    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Hot hardware & billing');
    await page.getByRole('dialog').getByRole('button', { name: 'Save view' }).click();
    const saved = page.getByRole('region', { name: 'Your views' }).getByRole('button', { name: 'Hot hardware & billing', exact: true });
    await saved.waitFor();
    await expect.poll(() => saved.getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { name: 'Hot hardware & billing' }).waitFor();

    await page.getByRole('button', { name: 'All tickets' }).click();
    await expect.poll(() => rows().count()).toBe(4);
    await saved.click();
    await expect.poll(() => rows().count()).toBe(2);
    expect(page.url()).toContain('priority=high');
  });

  it('searches with websearch syntax', async () => {
    await page.getByRole('button', { name: 'All tickets' }).click();
    await expect.poll(() => rows().count()).toBe(4);
    await page.getByRole('searchbox', { name: 'Search tickets' }).fill('printer or vpn');
    await expect.poll(() => page.url()).toContain('q=printer+or+vpn');
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByRole('searchbox', { name: 'Search tickets' }).fill('');
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('moves with j/k, opens with Enter and shows the shortcuts with ?', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const active = page.locator('tr[data-active]');
    const number = (await active.locator('.font-mono').textContent())!;
    expect(await rows().nth(1).getAttribute('data-active')).toBe('true');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectAccessible(page, 'shortcuts dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await expect.poll(() => decodeURIComponent(page.url())).toContain(`/tickets/${number}`);
    await page.goto(listUrl());
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('bulk-assigns with x and a', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByText('2 tickets selected').waitFor();
    await page.keyboard.press('a');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).id)).toBe(await page.getByLabel('Assign to').getAttribute('id'));
    await page.getByLabel('Assign to').selectOption({ label: 'Ada Agent' });
    await page.getByText('2 tickets updated').waitFor();
    const { data } = await admin().from('tickets').select('id').eq('org_id', org.orgId).eq('assignee_id', org.members.agent.userId);
    expect(data).toHaveLength(2);
    await expect.poll(() => page.getByRole('cell', { name: 'Ada Agent' }).count()).toBe(2);
  });

  it('shows the database\'s refusal for an illegal status change, per ticket', async () => {
    const first = rows().first();
    const number = (await first.locator('.font-mono').textContent())!;
    await first.getByRole('checkbox').check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByLabel('Status').selectOption({ label: 'Closed' });
    const toast = page.locator('[data-sonner-toast]').filter({ hasText: number });
    await toast.waitFor();
    expect(await toast.textContent()).toMatch(/open.*closed|cannot|not allowed/i);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('exports the current view as CSV', async () => {
    await page.getByLabel('Priority', { exact: true }).selectOption('high');
    await expect.poll(() => rows().count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^tickets-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Number,Subject,Status,Priority,SLA,Requester/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain('Printer jams on every page');
    expect(csv).toContain('Invoice =SUM(A1) total is wrong');
    expect(csv).not.toContain('VPN drops');
    expect(csv).toContain('Cody Customer');
  });

  it('shows a colleague\'s change live, with who made it', async () => {
    await page.getByRole('button', { name: 'All tickets' }).click();
    await expect.poll(() => rows().count()).toBe(4);
    const target = tickets[3];
    const started = Date.now();
    await org.members.owner.supabase.from('tickets').update({ priority: 'urgent' }).eq('id', target.id).throwOnError();
    const row = page.locator(`tr[data-ticket-id="${target.id}"]`);
    await row.getByText('Updated by Olga Owner').waitFor({ timeout: 5000 });
    await expect.poll(() => row.getByText('Urgent').count()).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('raises a ticket, suggesting similar open ones as the subject is typed', async () => {
    await page.getByRole('link', { name: 'New ticket' }).click();
    await page.getByRole('heading', { name: 'New ticket' }).waitFor();
    await expectAccessible(page, 'new ticket form');
    await page.getByRole('button', { name: 'Raise ticket' }).click();
    await page.getByText('Give the ticket a subject.').waitFor();

    await page.getByLabel('Subject').fill('Printer is jammed again');
    const similar = page.getByRole('complementary', { name: 'Similar open tickets' });
    await similar.getByRole('link', { name: /Printer jams on every page/ }).waitFor({ timeout: 5000 });
    await page.getByLabel('Description').fill('<script>alert(1)</script> paper stuck');
    await page.getByLabel('Requester').selectOption({ label: 'Cody Customer' });
    await page.getByLabel('Priority').selectOption('high');
    await page.getByLabel('Tags').fill('Hardware, printer');
    await expectAccessible(page, 'new ticket form, filled');
    await page.screenshot({ path: '.supabase-local/test-reports/new-ticket.png', fullPage: true });
    await page.getByRole('button', { name: 'Raise ticket' }).click();
    await page.waitForURL(/\/tickets\/(?!new$)[^/]+$/, { timeout: 10_000 });
    const { data } = await admin().from('tickets').select('subject, description, requester_id, priority, tags')
      .eq('org_id', org.orgId).eq('subject', 'Printer is jammed again').single();
    expect(data).toEqual({ subject: 'Printer is jammed again', description: '<script>alert(1)</script> paper stuck',
      requester_id: org.members.customer.userId, priority: 'high', tags: ['hardware', 'printer'] });
  });
});
