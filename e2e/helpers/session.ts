import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../../supabase/tests/helpers/env.ts';
import { newSession } from './app.ts';
import { APP_URL } from './app-server.ts';

/** Signs in through the sign-in form with the test password and waits to land in an organization. */
export async function signInAs(page: Page, email: string, password = PASSWORD) {
  await page.goto(`${APP_URL}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/o\/[^/]+/, { timeout: 15_000 });
}

/** A new browser session signed in as `email` through the sign-in form. */
export async function signedInSession(browser: Browser, email: string): Promise<Page> {
  const page = await newSession(browser);
  await signInAs(page, email);
  return page;
}
