import { Hono, type Context } from 'hono';
import { MESSAGE_ID_PATTERN, type MailAddress, type StoredMessage } from './message.ts';
import { matchesQuery, parseQuery } from './search.ts';
import type { MailStore } from './store.ts';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The inbox pages run no script at all; the email HTML is isolated in a sandboxed frame. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; base-uri 'none'";
/** The email body gets its own opaque origin and no scripts; links open in a new tab. */
const BODY_CSP =
  "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline' http: https:; font-src data: http: https:";

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1c1c1c;background:#fafafa}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:.75rem 1.5rem;background:#1f513c;color:#fff}
header a{color:#fff;font-weight:600;text-decoration:none}
header form{display:flex;gap:.5rem;align-items:center}
main form{margin:0 0 1rem}
main{padding:1.5rem;max-width:75rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.5rem .75rem;border-bottom:1px solid #ddd;vertical-align:top}
tr.unread td{font-weight:600}
.snippet{color:#555;font-weight:400}
a{color:#0b5cad}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
button{font:inherit;padding:.3rem .8rem;cursor:pointer}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}
iframe{width:100%;height:70vh;border:1px solid #ccc;background:#fff;resize:vertical}
pre{white-space:pre-wrap;background:#fff;border:1px solid #ccc;padding:1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;color:#000;padding:.25rem}`;

function layout(title: string, body: string, query = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} · Local inbox</title>
<style>${STYLE}</style></head><body><a class="skip" href="#main">Skip to content</a>
<header><a href="/">Local inbox</a>
<form role="search" method="get" action="/"><label for="q">Search</label>
<input id="q" name="query" type="search" value="${escapeHtml(query)}" placeholder="to:ada@example.com">
<button type="submit">Search</button></form></header>
<main id="main">${body}</main></body></html>`;
}

const addresses = (list: MailAddress[]) =>
  list.map((a) => escapeHtml(a.Name ? `${a.Name} <${a.Address}>` : a.Address)).join(', ');

const received = (iso: string) =>
  `<time datetime="${iso}">${escapeHtml(iso.replace('T', ' ').slice(0, 19))} UTC</time>`;

function listPage(messages: StoredMessage[], query: string): string {
  const rows = messages
    .map(
      (m) => `<tr class="${m.Read ? '' : 'unread'}"><td>${addresses([m.From])}</td><td>${addresses(m.To)}</td>
<td><a href="/view/${m.ID}">${escapeHtml(m.Subject || '(no subject)')}</a><br><span class="snippet">${escapeHtml(m.Snippet)}</span></td>
<td>${received(m.Created)}</td></tr>`,
    )
    .join('');
  const heading = query ? `Messages matching “${escapeHtml(query)}”` : 'All messages';
  const table = rows
    ? `<table><caption class="skip">${heading}</caption><thead><tr><th scope="col">From</th><th scope="col">To</th>
<th scope="col">Subject</th><th scope="col">Received</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${query ? 'No messages match.' : 'No messages yet. Every email the local stack sends lands here.'}</p>`;
  const clear = `<form method="post" action="/delete-all"><button type="submit">Delete all messages</button></form>`;
  return layout('Inbox', `<h1>${heading} (${messages.length})</h1>${messages.length && !query ? clear : ''}${table}`, query);
}

function messagePage(m: StoredMessage): string {
  const body = m.HTML
    ? `<h2>HTML body</h2><iframe title="HTML body of the message" sandbox="allow-popups allow-popups-to-escape-sandbox" src="/view/${m.ID}/html"></iframe>
<details><summary>Plain-text body</summary><pre>${escapeHtml(m.Text)}</pre></details>`
    : `<h2>Body</h2><pre>${escapeHtml(m.Text)}</pre>`;
  const cc = m.Cc.length ? `<dt>Cc</dt><dd>${addresses(m.Cc)}</dd>` : '';
  const bcc = m.Bcc.length ? `<dt>Bcc</dt><dd>${addresses(m.Bcc)}</dd>` : '';
  return layout(
    m.Subject || '(no subject)',
    `<p><a href="/">← Back to the inbox</a></p><h1>${escapeHtml(m.Subject || '(no subject)')}</h1>
<dl><dt>From</dt><dd>${addresses([m.From])}</dd><dt>To</dt><dd>${addresses(m.To)}</dd>${cc}${bcc}
<dt>Date</dt><dd>${received(m.Date)}</dd></dl>
<p><a href="/api/v1/message/${m.ID}/raw">View source</a></p>
<form method="post" action="/view/${m.ID}/delete"><button type="submit">Delete this message</button></form>${body}`,
  );
}

/** Refuses form posts from other sites (a page elsewhere must not empty the inbox). */
function fromThisSite(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

function messageFor(c: Context, store: MailStore): StoredMessage | undefined {
  const id = c.req.param('id') ?? '';
  return MESSAGE_ID_PATTERN.test(id) ? store.get(id) : undefined;
}

/** The web inbox: list, search, message view and delete buttons. */
export function mailWeb(store: MailStore): Hono {
  const web = new Hono();
  web.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', PAGE_CSP);
    c.res.headers.set('x-content-type-options', 'nosniff');
  });

  web.get('/', (c) => {
    const query = c.req.query('query')?.trim() ?? '';
    const terms = parseQuery(query);
    return c.html(listPage(store.list((m) => matchesQuery(m, terms)), query));
  });

  web.get('/view/:id', async (c) => {
    const message = messageFor(c, store);
    if (!message) return c.html(layout('Not found', '<h1>Message not found</h1><p><a href="/">Back to the inbox</a></p>'), 404);
    await store.markRead(message);
    return c.html(messagePage(message));
  });

  web.get('/view/:id/html', (c) => {
    const message = messageFor(c, store);
    if (!message) return c.text('Message not found', 404);
    return c.html(`<base target="_blank">${message.HTML}`, 200, { 'content-security-policy': BODY_CSP });
  });

  web.post('/view/:id/delete', async (c) => {
    if (!fromThisSite(c)) return c.text('Cross-site request refused', 403);
    const message = messageFor(c, store);
    if (message) await store.delete([message.ID]);
    return c.redirect('/', 303);
  });

  web.post('/delete-all', async (c) => {
    if (!fromThisSite(c)) return c.text('Cross-site request refused', 403);
    await store.deleteAll();
    return c.redirect('/', 303);
  });
  return web;
}
