import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FunctionsHttpError } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { SUPABASE_DIR } from '../../local/config.ts';
import { ANON, client, IS_LOCAL, SUPABASE_URL } from '../helpers/env.ts';

/**
 * How the local runtime treats function code: hot reload, boot failures, crashes and the
 * sandbox. Each case writes a throwaway function (supabase/functions/tmp-test-*, git-ignored)
 * and removes it afterwards. Local only: Cloud deploys functions instead of watching files.
 */
const created: string[] = [];

async function writeFunction(source: string, slug = `tmp-test-${Math.random().toString(36).slice(2, 8)}`) {
  const dir = path.join(SUPABASE_DIR, 'functions', slug);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.ts'), source);
  if (!created.includes(slug)) created.push(slug);
  return slug;
}

afterAll(async () => {
  await Promise.all(created.map((slug) => rm(path.join(SUPABASE_DIR, 'functions', slug), { recursive: true, force: true })));
});

const call = (slug: string, rest = '') =>
  fetch(`${SUPABASE_URL}/functions/v1/${slug}${rest}`, { headers: { Authorization: `Bearer ${ANON}` } });

async function eventually(check: () => Promise<boolean>, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}

describe.skipIf(!IS_LOCAL)('local functions runtime', () => {
  it('serves a new function and reloads it when its file changes', async () => {
    const slug = await writeFunction(`Deno.serve(() => new Response('version 1'));`);
    expect(await (await call(slug)).text()).toBe('version 1');

    await writeFunction(`Deno.serve(() => new Response('version 2'));`, slug);
    await eventually(async () => (await (await call(slug)).text()) === 'version 2');
  });

  it('lets a request in flight finish on the old code while new requests get the new code', async () => {
    const slug = await writeFunction(`
      const parts = ['old-1 ', 'old-2 ', 'old-3'];
      Deno.serve(() => new Response(new ReadableStream({
        async start(controller) {
          for (const part of parts) {
            controller.enqueue(new TextEncoder().encode(part));
            await new Promise((resolve) => setTimeout(resolve, 400));
          }
          controller.close();
        },
      })));`);
    const inFlight = call(slug).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 200));
    await writeFunction(`Deno.serve(() => new Response('new'));`, slug);
    await eventually(async () => (await (await call(slug)).text()) === 'new');
    expect(await inFlight).toBe('old-1 old-2 old-3');
  });

  it('answers 503 BOOT_ERROR when the code does not start, and recovers once fixed', async () => {
    const slug = await writeFunction(`export const broken = ;`);
    const response = await call(slug);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' });

    const { error } = await client().functions.invoke(slug);
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect(((error as FunctionsHttpError).context as Response).status).toBe(503);

    await writeFunction(`Deno.serve(() => new Response('fixed'));`, slug);
    await eventually(async () => (await (await call(slug)).text()) === 'fixed');
  });

  it('treats a module that never calls Deno.serve as a boot failure', async () => {
    const slug = await writeFunction(`console.log('no server here');`);
    expect((await call(slug)).status).toBe(503);
  });

  it('answers 500 WORKER_ERROR for an uncaught error and for a crash, then serves again', async () => {
    const slug = await writeFunction(`
      Deno.serve((req) => {
        const { pathname } = new URL(req.url);
        if (pathname.endsWith('/throw')) throw new Error('boom');
        if (pathname.endsWith('/exit')) Deno.exit(3);
        return new Response('alive');
      });`);
    for (const rest of ['/throw', '/exit']) {
      const response = await call(slug, rest);
      expect(response.status, rest).toBe(500);
      expect(await response.json()).toMatchObject({ code: 'WORKER_ERROR' });
    }
    expect(await (await call(slug)).text()).toBe('alive');
  });

  it('runs functions with the Supabase environment and without host secrets', async () => {
    const slug = await writeFunction(`Deno.serve(() => Response.json(Deno.env.toObject()));`);
    const env = (await (await call(slug)).json()) as Record<string, string>;
    expect(env.SUPABASE_URL).toBe(SUPABASE_URL);
    expect(env.SUPABASE_ANON_KEY).toBe(ANON);
    expect(env.SUPABASE_SERVICE_ROLE_KEY).toMatch(/^eyJ/);
    expect(env.SUPABASE_DB_URL).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(JSON.parse(env.SUPABASE_PUBLISHABLE_KEYS).default).toMatch(/^sb_publishable_/);
    expect(JSON.parse(env.SUPABASE_SECRET_KEYS).default).toMatch(/^sb_secret_/);
    expect(JSON.parse(env.SUPABASE_JWKS).keys.length).toBeGreaterThan(0);
    for (const hidden of ['HOME', 'PATH', 'PWD', 'HOSTNAME', 'STACK_PORT_OFFSET']) expect(env).not.toHaveProperty(hidden);
  });

  it('sandboxes functions: no writes outside their temp dir, no reads outside supabase/functions', async () => {
    const slug = await writeFunction(`
      const attempt = (work: () => unknown) => { try { work(); return 'allowed'; } catch (e) { return (e as Error).name; } };
      Deno.serve(() => Response.json({
        writeOutside: attempt(() => Deno.writeTextFileSync('/tmp/escaped-from-function.txt', 'x')),
        writeTemp: attempt(() => Deno.makeTempFileSync()),
        readHostFile: attempt(() => Deno.readTextFileSync('/etc/hostname')),
        readOwnCode: attempt(() => Deno.readTextFileSync(new URL(import.meta.url))),
        runProgram: attempt(() => new Deno.Command('/bin/true').outputSync()),
        edgeRuntime: typeof (globalThis as { EdgeRuntime?: { waitUntil?: unknown } }).EdgeRuntime?.waitUntil,
      }));`);
    expect(await (await call(slug)).json()).toEqual({
      writeOutside: 'NotCapable',
      writeTemp: 'allowed',
      readHostFile: 'NotCapable',
      readOwnCode: 'allowed',
      runProgram: 'NotCapable',
      edgeRuntime: 'function',
    });
  });

});
