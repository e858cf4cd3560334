import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';

/**
 * pg_net (async HTTP from SQL) and Vault as a migration uses them, including the scheduled call of an
 * edge function that Supabase documents (pg_cron → pg_net → /functions/v1 with a key from Vault).
 * Local only: it reads net._http_response and cron tables with the superuser connection.
 */
interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Response {
  status_code: number | null;
  content: string | null;
  content_type: string | null;
  timed_out: boolean | null;
  error_msg: string | null;
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const responseTo = (id: string) =>
  eventually(async () => (await superuserSql<Response>(`select * from net._http_response where id = $1`, [id]))[0]);

const requestId = async (sql: string, values: unknown[] = []) => (await superuserSql<{ id: string }>(sql, values))[0].id;

/** Runs SQL as the API's `authenticated` role and returns the error it raises. */
async function errorAsAuthenticated(sql: string): Promise<string> {
  try {
    await superuserSql(`begin; set local role authenticated; ${sql}; commit;`);
    return '';
  } catch (error) {
    await superuserSql('rollback').catch(() => undefined);
    return (error as Error).message;
  }
}

describe.skipIf(!IS_LOCAL)('pg_net and Vault', () => {
  const received: Received[] = [];
  let server: Server;
  let baseUrl = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        if (req.url?.startsWith('/slow')) return void setTimeout(() => res.end('late'), 2000);
        res.writeHead(201, { 'content-type': 'application/json', 'x-echo': 'yes' });
        res.end(JSON.stringify({ ok: true, path: req.url }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await superuserSql(`create extension if not exists pg_net with schema extensions`);
  });

  afterAll(async () => {
    server.close();
    await superuserSql(`delete from vault.secrets where name like 'conformance-%'`);
  });

  it('posts JSON with headers and stores the response by request id', async () => {
    const id = await requestId(
      `select net.http_post(url := $1, body := '{"hello": "world"}', headers := '{"x-token": "abc"}') as id`,
      [`${baseUrl}/hook`],
    );
    const response = await responseTo(id);
    expect(response).toMatchObject({ status_code: 201, content_type: 'application/json', timed_out: false, error_msg: null });
    expect(JSON.parse(response.content ?? '')).toEqual({ ok: true, path: '/hook' });
    const request = received.find((r) => r.url === '/hook');
    expect(request).toMatchObject({ method: 'POST', body: '{"hello": "world"}' });
    expect(request?.headers).toMatchObject({ 'x-token': 'abc', 'content-type': 'application/json' });
  });

  it('encodes GET parameters and collects the result synchronously when asked', async () => {
    const id = await requestId(`select net.http_get(url := $1, params := '{"q": "a b&c", "n": "1"}') as id`, [`${baseUrl}/search`]);
    const [result] = await superuserSql<{ status: string; code: number }>(
      `select (r).status::text as status, ((r).response).status_code as code from (select net.http_collect_response($1, async := false) as r) s`,
      [id],
    );
    expect(result).toEqual({ status: 'SUCCESS', code: 201 });
    const url = received.find((r) => r.url.startsWith('/search'))?.url ?? '';
    expect(url).toContain('q=a%20b%26c');
    expect(Object.fromEntries(new URL(url, baseUrl).searchParams)).toEqual({ q: 'a b&c', n: '1' });
  });

  it('reports timeouts and unreachable hosts in the response row instead of failing the caller', async () => {
    const slow = await requestId(`select net.http_get(url := $1, timeout_milliseconds := 200) as id`, [`${baseUrl}/slow`]);
    expect(await responseTo(slow)).toMatchObject({ status_code: null, timed_out: true, error_msg: expect.stringMatching(/^Timeout of 200 ms/) });
    const closed = await requestId(`select net.http_get(url := 'http://127.0.0.1:9/') as id`);
    expect(await responseTo(closed)).toMatchObject({ status_code: null, timed_out: false, error_msg: expect.stringMatching(/Couldn't connect/) });
  });

  it('refuses a non-JSON content type for http_post, as pg_net does', async () => {
    await expect(superuserSql(`select net.http_post(url := $1, headers := '{"Content-Type": "text/plain"}')`, [baseUrl])).rejects.toThrow(
      /Content-Type header must be "application\/json"/,
    );
  });

  it('keeps pg_net and the vault away from the API roles', async () => {
    expect(await errorAsAuthenticated(`select net.http_get('${baseUrl}/x')`)).toMatch(/permission denied/);
    expect(await errorAsAuthenticated(`select * from vault.decrypted_secrets`)).toMatch(/permission denied/);
    expect(await errorAsAuthenticated(`select private.invoke_edge_function('health')`)).toMatch(/permission denied/);
  });

  it('stores secrets with vault.create_secret and reads them back decrypted', async () => {
    await superuserSql(`select vault.create_secret('s3cr3t', 'conformance-secret', 'a test secret')`);
    const [secret] = await superuserSql<{ decrypted_secret: string; description: string }>(
      `select decrypted_secret, description from vault.decrypted_secrets where name = 'conformance-secret'`,
    );
    expect(secret).toEqual({ decrypted_secret: 's3cr3t', description: 'a test secret' });
    await expect(superuserSql(`select vault.create_secret('other', 'conformance-secret')`)).rejects.toThrow(/duplicate key/);
  });

  it('calls edge functions as the service role with the project URL and key from Vault', async () => {
    const id = await requestId(`select private.invoke_edge_function('send-outbound-emails') as id`);
    const response = await responseTo(id);
    expect(response.status_code).toBe(200);
    expect(JSON.parse(response.content ?? '')).toMatchObject({ sent: expect.any(Number), failed: expect.any(Number) });
    await expect(superuserSql(`select private.invoke_edge_function('../auth/v1/admin')`)).rejects.toThrow(/invalid edge function name/);
  });

  it('schedules the outbound chat emails every minute', async () => {
    const [job] = await superuserSql<{ schedule: string; command: string; active: boolean }>(
      `select schedule, command, active from cron.job where jobname = 'send-outbound-emails'`,
    );
    expect(job).toEqual({ schedule: '* * * * *', command: expect.stringContaining(`invoke_edge_function('send-outbound-emails')`), active: true });
  });
});
