import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { linkIn, waitForEmail } from '../../supabase/tests/helpers/inbox.ts';
import { APP_URL } from './app-server.ts';
import { seriousAxeViolations } from './browser.ts';

/** A fresh browser session (own storage) in the colour scheme E2E_COLOR_SCHEME asks for (light by default). */
export async function newSession(browser: Browser): Promise<Page> {
  const colorScheme = process.env.E2E_COLOR_SCHEME === 'dark' ? 'dark' : 'light';
  return (await browser.newContext({ colorScheme })).newPage();
}

/**
 * Asserts that the page has no serious or critical axe violation, once transitions have finished
 * (a toast fading in has not reached its final contrast yet).
 */
export async function expectAccessible(page: Page, where: string) {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  expect(await seriousAxeViolations(page), `axe on ${where}`).toEqual([]);
}

/** Opens the newest confirmation (or magic) link sent to `email` after `since` in this page. */
export async function openEmailLink(page: Page, email: string, since: Date) {
  const message = await waitForEmail(email, { since, timeoutMs: 10_000 });
  await page.goto(linkIn(message, '/auth/v1/verify'));
}

/** The invitation link of the newest invitation email, moved onto the app under test. */
export async function invitationLink(email: string, since: Date): Promise<string> {
  const message = await waitForEmail(email, { since, timeoutMs: 15_000 });
  const link = new URL(linkIn(message, '/invite/'));
  return `${APP_URL}${link.pathname}${link.search}`;
}

/** Labels of the links in the main navigation. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  return (await links.allTextContents()).map((text) => text.trim());
}

/** Signs up through the UI and confirms through the inbox; ends signed in at `next` (or `/`). */
export async function signUpAndConfirm(page: Page, details: { name: string; email: string; password: string }) {
  const since = new Date(Date.now() - 1000);
  await page.getByLabel('Your name').fill(details.name);
  await page.getByLabel('Work email').fill(details.email);
  await page.getByLabel('Password').fill(details.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await expectAccessible(page, 'check your email');
  await openEmailLink(page, details.email, since);
}
