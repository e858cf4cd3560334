/**
 * Chat widget weight and speed: the loader's and the chat frame's gzipped size from a production build
 * (against the 3 KB and 60 KB budgets, next to the agent SPA's first load), and, in Chromium, when the
 * launcher shows and when the chat frame answers, next to the host page's load event and baselines
 * measured in the same run (a blank page's load, and the same host page without the widget); all
 * times are from navigation start. Needs a
 * running stack at STACK_PORT_OFFSET (the frame reads the seeded demo widget).
 *   STACK_PORT_OFFSET=500 npx tsx supabase/bench/widget-size.ts
 */
import { readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { loadConfig, ROOT_DIR } from '../local/config.ts';
import { percentile, printTable } from './report.ts';

const ROUNDS = 10;
const DEMO_WIDGET_KEY = 'wk_demo_acme_website_chat';
const LOADER_BUDGET = 3 * 1024;
const EMBED_BUDGET = 60 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The files an entry loads: its static imports, and with `dynamic` also what it may import later. */
function closure(manifest: Manifest, entry: string, dynamic: boolean): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of [...(manifest[key].imports ?? []), ...(dynamic ? (manifest[key].dynamicImports ?? []) : [])]) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key].file);
}

async function gzipped(dir: string, files: string[]): Promise<number> {
  const sizes = await Promise.all(files.map(async (file) => gzipSync(await readFile(path.join(dir, file)), { level: 9 }).byteLength));
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function buildApp(outDir: string): Promise<Manifest> {
  process.env.VITE_SUPABASE_URL ??= loadConfig().api.url;
  await build({ root: ROOT_DIR, configFile: path.join(ROOT_DIR, 'vite.config.ts'), logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false } });
  return JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB (${bytes} B)`;

async function sizes(outDir: string, manifest: Manifest) {
  const loader = await readFile(path.join(ROOT_DIR, 'public', 'widget', 'loader.js'));
  const embedCss = manifest['embed/index.html'].css ?? [];
  return {
    loader: gzipSync(loader, { level: 9 }).byteLength,
    embedInitial: await gzipped(outDir, closure(manifest, 'embed/index.html', false)),
    embedAll: await gzipped(outDir, closure(manifest, 'embed/index.html', true)),
    embedCss: await gzipped(outDir, embedCss),
    spaInitial: await gzipped(outDir, closure(manifest, 'index.html', false)),
  };
}

const HOST_PAGE = (widget: boolean) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>A shop</h1><p>${'Products and prose. '.repeat(200)}</p>
${widget ? `<script>window.Supportdesk=window.Supportdesk||function(){(Supportdesk.q=Supportdesk.q||[]).push(arguments)};
Supportdesk('boot',{widgetKey:'${DEMO_WIDGET_KEY}'});</script><script async src="/widget/loader.js"></script>` : ''}</body></html>`;

/** Serves the build, plus a blank page and a host page with and without the snippet. */
async function serve(outDir: string) {
  const pages: Record<string, string> = { '/blank.html': '<!doctype html><title>blank</title>', '/host.html': HOST_PAGE(false), '/host-widget.html': HOST_PAGE(true) };
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x').pathname;
    if (pages[url]) return void res.writeHead(200, { 'content-type': 'text/html' }).end(pages[url]);
    const file = path.join(outDir, url.endsWith('/') ? `${url}index.html` : url);
    const body = await readFile(file).catch(() => null);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface PageTimes {
  load: number;
  launcher: number;
  frame: number;
}

// A string, not a function: tsx would wrap named functions in a helper the page does not have.
const WATCH_SCRIPT = `
  const times = { launcher: -1, frame: -1 };
  window.widgetTimes = times;
  const answered = () => times.frame < 0 && (times.frame = performance.now());
  addEventListener('supportdesk:ready', answered);
  addEventListener('supportdesk:error', answered);
  const watch = () => {
    if (document.getElementById('supportdesk-widget')?.shadowRoot?.querySelector('button')) times.launcher = performance.now();
    else if (window === top) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`;

/** Milliseconds since navigation start: load event, launcher painted, chat frame answered (ready or refused). */
async function timePage(browser: Browser, url: string): Promise<PageTimes> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(WATCH_SCRIPT);
  await page.goto(url, { waitUntil: 'load' });
  const widget = url.includes('widget');
  if (widget) await page.waitForFunction(() => (window as unknown as { widgetTimes: { frame: number } }).widgetTimes.frame >= 0, null, { timeout: 20_000 });
  const times = await page.evaluate(() => ({
    load: performance.getEntriesByType('navigation')[0] ? (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart : 0,
    ...(window as unknown as { widgetTimes: { launcher: number; frame: number } }).widgetTimes,
  }));
  await context.close();
  return times;
}

async function timings(origin: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const runs = { blank: [] as PageTimes[], host: [] as PageTimes[], widget: [] as PageTimes[] };
    await timePage(browser, `${origin}/host-widget.html`); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      runs.blank.push(await timePage(browser, `${origin}/blank.html`));
      runs.host.push(await timePage(browser, `${origin}/host.html`));
      runs.widget.push(await timePage(browser, `${origin}/host-widget.html`));
    }
    const p50 = (list: PageTimes[], pick: (times: PageTimes) => number) => percentile(list.map(pick), 50);
    return {
      blankLoad: p50(runs.blank, (t) => t.load),
      hostLoad: p50(runs.host, (t) => t.load),
      widgetLoad: p50(runs.widget, (t) => t.load),
      launcher: p50(runs.widget, (t) => t.launcher),
      frame: p50(runs.widget, (t) => t.frame),
    };
  } finally {
    await browser.close();
  }
}

export async function run() {
  const outDir = path.join(tmpdir(), `supportdesk-bench-widget-${process.env.STACK_PORT_OFFSET ?? 0}`);
  try {
    const manifest = await buildApp(outDir);
    const size = await sizes(outDir, manifest);
    printTable('Chat widget size (gzip -9, production build)', [
      ['What', 'Size', 'Budget / baseline'],
      ['loader.js (served as written)', kb(size.loader), `budget ${kb(LOADER_BUDGET)}`],
      ['chat frame JS, first load', kb(size.embedInitial), `budget ${kb(EMBED_BUDGET)}`],
      ['chat frame JS, every locale too', kb(size.embedAll), `budget ${kb(EMBED_BUDGET)}`],
      ['chat frame CSS', kb(size.embedCss), ''],
      ['agent SPA JS, first load (baseline)', kb(size.spaInitial), ''],
    ]);
    const server = await serve(outDir);
    try {
      const time = await timings(server.origin);
      const ms = (value: number) => `${value.toFixed(0)} ms`;
      printTable(`Chat widget on a host page, Chromium, p50 of ${ROUNDS} cold loads, ms since navigation start`, [
        ['Measure', 'Time'],
        ['blank page: load event (baseline)', ms(time.blankLoad)],
        ['host page without the widget: load event (baseline)', ms(time.hostLoad)],
        ['host page with the widget: load event', ms(time.widgetLoad)],
        ['host page with the widget: launcher visible', ms(time.launcher)],
        ['host page with the widget: chat frame ready', ms(time.frame)],
      ]);
    } finally {
      await server.close();
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    () => process.exit(0),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
