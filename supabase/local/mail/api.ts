import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { MESSAGE_ID_PATTERN, summarize, type StoredMessage } from './message.ts';
import { matchesQuery, parseQuery } from './search.ts';
import type { MailStore } from './store.ts';

const DEFAULT_PAGE_SIZE = 50;

const pageQuery = z.object({
  start: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_PAGE_SIZE),
});

const deleteBody = z.object({ IDs: z.array(z.string().regex(MESSAGE_ID_PATTERN)).optional() }).strict();

const badRequest = (c: Context, message: string) => c.text(message, 400);

/** Mailpit's list envelope around one page of (already filtered, newest first) messages. */
function page(c: Context, store: MailStore, matched: StoredMessage[]) {
  const parsed = pageQuery.safeParse({ start: c.req.query('start'), limit: c.req.query('limit') });
  if (!parsed.success) return badRequest(c, 'start must be an integer >= 0 and limit an integer >= 1');
  const { start, limit } = parsed.data;
  const messages = matched.slice(start, start + limit).map(summarize);
  return c.json({
    total: store.size,
    unread: store.unread,
    count: messages.length,
    messages_count: matched.length,
    start,
    tags: [],
    messages,
  });
}

function findMessage(store: MailStore, id: string): StoredMessage | undefined {
  if (id === 'latest') return store.latest();
  return MESSAGE_ID_PATTERN.test(id) ? store.get(id) : undefined;
}

/** An absent or empty body deletes everything, as in Mailpit. */
async function idsToDelete(c: Context): Promise<string[] | 'all' | Error> {
  const text = await c.req.text();
  if (!text.trim()) return 'all';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new Error('Request body must be JSON like {"IDs":["…"]}');
  }
  const parsed = deleteBody.safeParse(json);
  if (!parsed.success) return new Error('IDs must be an array of message IDs');
  return parsed.data.IDs?.length ? parsed.data.IDs : 'all';
}

/** The Mailpit-compatible JSON API used by tests and tools (`/api/v1/...`). */
export function mailApi(store: MailStore): Hono {
  const api = new Hono();

  api.get('/messages', (c) => page(c, store, store.list()));

  api.get('/search', (c) => {
    const query = c.req.query('query')?.trim();
    if (!query) return badRequest(c, 'Missing search query, e.g. ?query=to:someone@example.com');
    const terms = parseQuery(query);
    return page(c, store, store.list((message) => matchesQuery(message, terms)));
  });

  api.delete('/search', async (c) => {
    const query = c.req.query('query')?.trim();
    if (!query) return badRequest(c, 'Missing search query');
    const terms = parseQuery(query);
    await store.delete(store.list((message) => matchesQuery(message, terms)).map((m) => m.ID));
    return c.text('ok');
  });

  api.delete('/messages', async (c) => {
    const ids = await idsToDelete(c);
    if (ids instanceof Error) return badRequest(c, ids.message);
    await (ids === 'all' ? store.deleteAll() : store.delete(ids));
    return c.text('ok');
  });

  api.get('/message/:id', async (c) => {
    const message = findMessage(store, c.req.param('id'));
    if (!message) return c.text('Message not found', 404);
    await store.markRead(message);
    return c.json(message);
  });

  api.get('/message/:id/raw', async (c) => {
    const message = findMessage(store, c.req.param('id'));
    const raw = message && (await store.raw(message.ID));
    if (!raw) return c.text('Message not found', 404);
    return c.body(new Uint8Array(raw), 200, { 'content-type': 'message/rfc822' });
  });

  api.notFound((c) => c.text('Not found', 404));
  return api;
}
