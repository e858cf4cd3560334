import { createClient } from '@supabase/supabase-js';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import WebSocket from 'ws';
import type { Database } from '../../src/types/database.ts';
import { randomIp } from '../../supabase/tests/helpers/chat.ts';
import { PUBLISHABLE, SUPABASE_URL } from '../../supabase/tests/helpers/env.ts';

/** Opens the demo site (or any host page) as a new visitor, recording the widget's DOM events. */
export async function openDemo(browser: Browser, url: string, viewport = { width: 1280, height: 800 }, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  // Each visitor comes from its own address, as real ones do (the chat's per-IP limits must not see one crowd).
  const context = await browser.newContext({ viewport, locale, extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { widgetEvents: string[] }).widgetEvents = seen;
    for (const name of ['ready', 'opened', 'closed', 'message', 'error']) addEventListener(`supportdesk:${name}`, () => seen.push(name));
  });
  await page.goto(url);
  return { context, page };
}

/** The widget's one button, by role only: its label turns to the visitor's language once the chat is ready. */
export const launcher = (page: Page) => page.locator('#supportdesk-widget').getByRole('button');
export const chat = (page: Page) => page.frameLocator('#supportdesk-widget iframe');
export const widgetEvents = (page: Page) => page.evaluate(() => (window as unknown as { widgetEvents: string[] }).widgetEvents);

export function embedFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('/embed/'));
  if (!frame) throw new Error('no chat frame on the page');
  return frame;
}

/** The visitor's own Supabase client, from the session the chat frame stored. */
export async function visitorClient(page: Page, widgetKey: string) {
  const stored = await embedFrame(page).evaluate((key) => localStorage.getItem(`supportdesk.session.${key}`), widgetKey);
  const token = (JSON.parse(stored!) as { access_token: string }).access_token;
  return createClient<Database>(SUPABASE_URL, PUBLISHABLE, {
    accessToken: async () => token,
    realtime: { transport: WebSocket as never },
  });
}
