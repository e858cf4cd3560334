import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, PASSWORD, uniqueEmail } from '../supabase/tests/helpers/env.ts';
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
    const page = await browser.newPage();
    await page.goto(APP_URL);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText(email).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText('authenticated').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '.supabase-local/test-reports/home.png' });
  });

  it('lets a browser read Content-Range across origins (CORS exposes it)', async () => {
    const page = await browser.newPage();
    await page.goto(APP_URL);
    const contentRange = await page.evaluate(async () => {
      const response = await fetch('http://127.0.0.1:54321/rest/v1/rpc/whoami', {
        method: 'POST',
        headers: { apikey: 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH', 'content-type': 'application/json', prefer: 'count=exact' },
        body: '{}',
      });
      return response.headers.get('content-range');
    });
    expect(contentRange).toMatch(/^\d+-\d+\/|^\*\//);
  });
});
