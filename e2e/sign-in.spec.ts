import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, PASSWORD, PUBLISHABLE, SUPABASE_URL, uniqueEmail } from '../supabase/tests/helpers/env.ts';
import { APP_URL } from './helpers/app-server.ts';
import { launchBrowser, seriousAxeViolations } from './helpers/browser.ts';

describe('signing in to the SPA', () => {
  let browser: Browser;
  const email = uniqueEmail('e2e-signin');

  beforeAll(async () => {
    browser = await launchBrowser();
    const { error } = await admin().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    if (error) throw error;
  });
  afterAll(() => browser?.close());

  it('shows a specific message for a wrong password and signs in with the right one', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(APP_URL);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A user without an organization lands on onboarding, signed in.
    await page.getByRole('heading', { name: 'Create your organization' }).waitFor({ timeout: 10_000 });
    expect(await page.getByText(`Signed in as ${email}`).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '.supabase-local/test-reports/home.png' });
  });

  it('lets a browser read Content-Range across origins (CORS exposes it)', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(APP_URL);
    const contentRange = await page.evaluate(
      async ({ url, key }) => {
        const response = await fetch(`${url}/rest/v1/rpc/whoami`, {
          method: 'POST',
          headers: { apikey: key, 'content-type': 'application/json', prefer: 'count=exact' },
          body: '{}',
        });
        return response.headers.get('content-range');
      },
      { url: SUPABASE_URL, key: PUBLISHABLE },
    );
    expect(contentRange).toMatch(/^\d+-\d+\/|^\*\//);
  });
});
