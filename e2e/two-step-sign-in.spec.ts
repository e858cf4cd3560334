import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signedInUser } from '../supabase/tests/helpers/env.ts';
import { expectAccessible, newSession } from './helpers/app.ts';
import { APP_URL } from './helpers/app-server.ts';
import { launchBrowser } from './helpers/browser.ts';

/** The current code of an authenticator app holding `secret`. */
const totpCode = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();

async function signIn(page: Page, email: string) {
  await page.goto(`${APP_URL}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A user turns on two-step verification, signs out, and signs in again with a code. */
describe('two-step sign-in', () => {
  let browser: Browser;
  let page: Page;
  let email: string;
  let slug: string;
  let secret: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newSession(browser);
    const user = await signedInUser('e2e-mfa');
    email = user.email;
    slug = `mfa-${Math.random().toString(36).slice(2, 10)}`;
    const { error } = await user.supabase.rpc('create_organization', { name: 'Two Step Co', slug });
    if (error) throw error;
  });
  afterAll(() => browser?.close());

  it('enrolls an authenticator app from the security page', async () => {
    await page.goto(`${APP_URL}/sign-in`);
    await expectAccessible(page, 'sign in');
    await signIn(page, email);
    await page.waitForURL(`${APP_URL}/o/${slug}`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security' }).click();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secretText = page.getByTestId('totp-secret');
    await secretText.waitFor();
    secret = (await secretText.textContent())!.trim();
    const qrCode = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await expect.poll(() => qrCode.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await expectAccessible(page, 'enrolment dialog');
    await page.getByLabel('Code from the app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verify and turn on' }).click();
    await page.getByText('Two-step verification is on').waitFor();
    await page.getByRole('button', { name: 'Remove' }).waitFor();
    await expectAccessible(page, 'security with a factor');
  });

  it('asks for a code at the next sign-in before anything else', async () => {
    await page.getByRole('button', { name: /^Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${APP_URL}/sign-in`);

    await signIn(page, email);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor({ timeout: 10_000 });
    // Verify turns on once the factor has loaded (its colour transition must not meet axe half-way).
    await expect.poll(() => page.getByRole('button', { name: 'Verify' }).isEnabled()).toBe(true);
    await expectAccessible(page, 'MFA challenge');
    // Another page cannot be reached at aal1.
    await page.goto(`${APP_URL}/o/${slug}/account/profile`);
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();

    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('code is not right');

    await page.getByLabel('Authentication code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor({ timeout: 10_000 });
    expect(page.url()).toBe(`${APP_URL}/o/${slug}/account/profile`);
  });
});
