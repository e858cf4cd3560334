import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMetricsHistory, type MetricsFixture } from '../supabase/tests/helpers/metrics.ts';
import { orgWithMembers, type OrgFixture } from '../supabase/tests/helpers/org.ts';
import { expectAccessible, navigationLabels, newSession } from './helpers/app.ts';
import { APP_URL } from './helpers/app-server.ts';
import { launchBrowser } from './helpers/browser.ts';
import { signInAs } from './helpers/session.ts';

/**
 * A manager opens the dashboard on a known ticket history: the headline numbers and eight charts
 * render, each chart's numbers are in a table (visible on request), and the page is accessible. A
 * customer has no dashboard.
 */
describe('metrics dashboard', () => {
  let browser: Browser;
  let page: Page;
  let org: OrgFixture;
  let days: MetricsFixture;

  beforeAll(async () => {
    browser = await launchBrowser();
    org = await orgWithMembers('e2e-dash');
    days = await seedMetricsHistory(org);
    page = await newSession(browser);
  });
  afterAll(() => browser?.close());

  it('shows the manager the headline numbers and every chart for the range in the URL', async () => {
    await signInAs(page, org.members.manager.email);
    const dashboardLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' });
    await dashboardLink.waitFor();
    expect(await navigationLabels(page)).toContain('Dashboard');
    await dashboardLink.click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expectAccessible(page, 'dashboard, last 30 days');

    await page.goto(`${APP_URL}/o/${org.slug}/dashboard?from=${days.day1}&to=${days.day2}`);
    const kpi = (label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').first();
    await expect.poll(() => kpi('Created').textContent(), { timeout: 10_000 }).toBe('5');
    expect(await kpi('Resolved').textContent()).toBe('3');
    expect(await kpi('Open now').textContent()).toBe('4');
    expect(await kpi('Median first response').textContent()).toBe('45 min');
    expect(await kpi('Median resolution').textContent()).toBe('5 h');
    expect(await kpi('SLA compliance').textContent()).toBe('50%');
    await expect.poll(() => page.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByLabel('Date range').locator('option:checked').textContent()).toBe('Custom range');
    await expectAccessible(page, 'dashboard with charts');
    await page.screenshot({ path: '.supabase-local/test-reports/dashboard.png', fullPage: true });
  });

  it('shows each chart\'s numbers as a table on request', async () => {
    const volume = page.getByRole('region', { name: 'Created vs resolved' });
    await volume.getByRole('button', { name: /View as table/ }).click();
    const table = volume.getByRole('table', { name: 'Created vs resolved' });
    expect(await table.getByRole('row').allTextContents()).toEqual(['DayCreatedResolved', `${days.day1}32`, `${days.day2}21`]);
    expect(await volume.locator('svg.recharts-surface').count()).toBe(0);
    const agents = page.getByRole('region', { name: 'Agent load' });
    await agents.getByRole('button', { name: /View as table/ }).click();
    expect(await agents.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'dashboard tables');
  });

  it('keeps a customer out of the dashboard', async () => {
    const customer = await newSession(browser);
    await signInAs(customer, org.members.customer.email);
    await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your tickets' }).waitFor();
    expect(await navigationLabels(customer)).not.toContain('Dashboard');
    await customer.goto(`${APP_URL}/o/${org.slug}/dashboard`);
    await customer.getByRole('heading', { name: 'You don’t have access to the dashboard' }).waitFor();
    expect(await customer.locator('svg.recharts-surface').count()).toBe(0);
    await customer.context().close();
  });
});
