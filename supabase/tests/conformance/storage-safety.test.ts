import { once } from 'node:events';
import { Agent, request, type IncomingMessage } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_PORTS } from '../../local/config.ts';
import { admin, IS_LOCAL, SERVICE } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';
import { bytes, clientWithToken, createTestBucket, removeBucket, STORAGE_URL } from './storage-helpers.ts';

let limited: string;
let open: string;

beforeAll(async () => {
  limited = await createTestBucket('limited', { fileSizeLimit: 1024, allowedMimeTypes: ['image/*', 'text/plain'] });
  open = await createTestBucket('open');
});
afterAll(async () => {
  await removeBucket(limited);
  await removeBucket(open);
});

/** A raw upload with a path that supabase-js would have normalised away. */
function rawUpload(bucket: string, encodedKey: string, body = 'x') {
  return fetch(`${STORAGE_URL}/object/${bucket}/${encodedKey}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SERVICE}`, 'content-type': 'text/plain' },
    body,
  });
}

/** A request to the Storage service itself, behind the gateway. */
function storageRequest(agent: Agent, method: string, path: string, headers: Record<string, string> = {}) {
  const url = `http://127.0.0.1:${INTERNAL_PORTS.storage}${path}`;
  return request(url, { method, agent, headers: { authorization: `Bearer ${SERVICE}`, ...headers } });
}

async function readJson(response: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

describe('upload limits', () => {
  it('refuses an ArrayBuffer over the bucket limit (declared length) with 413 EntityTooLarge', async () => {
    const { error } = await admin().storage.from(limited).upload('big.png', bytes(2048).buffer, { contentType: 'image/png' });
    expect(error).toMatchObject({ status: 400, statusCode: '413', code: 'EntityTooLarge' });
  });

  it('refuses a multipart Blob over the limit while it streams', async () => {
    const { error } = await admin().storage.from(limited).upload('big.png', new Blob([bytes(4096)], { type: 'image/png' }));
    expect(error).toMatchObject({ statusCode: '413', code: 'EntityTooLarge' });
  });

  it.runIf(IS_LOCAL)('refuses a chunked stream of unknown length once it passes the limit', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(bytes(512));
        controller.close();
      },
    });
    const { error } = await admin().storage.from(limited).upload('big.png', stream, { contentType: 'image/png' });
    expect(error).toMatchObject({ statusCode: '413' });
    expect((await admin().storage.from(limited).exists('big.png')).data).toBe(false);
  });

  // Straight to Storage, whose connections the gateway keeps alive and reuses: the refusal comes while
  // the body is still being sent, and the connection must not be left stuck for the next request.
  it.runIf(IS_LOCAL)('answers an upload refused mid-body, then the next request over the same agent', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const upload = storageRequest(agent, 'POST', `/object/${limited}/big.png`, { 'content-type': 'image/png' });
    const refused = await new Promise<IncomingMessage>((resolve, reject) => {
      upload.on('error', reject).on('response', resolve).write(bytes(1536));
    });
    expect(await readJson(refused)).toMatchObject({ statusCode: '413', code: 'EntityTooLarge' });
    // The rest follows in separate writes, until Storage closes the connection.
    const closed = once(upload, 'close');
    for (let i = 0; i < 16 && !upload.destroyed; i++) {
      await Promise.race([new Promise((written) => upload.write(bytes(512), written)), closed]);
    }
    upload.end();
    const next = await new Promise<IncomingMessage>((resolve, reject) => {
      storageRequest(agent, 'GET', `/bucket/${limited}`).on('error', reject).on('response', resolve).end();
    });
    expect(await readJson(next)).toMatchObject({ id: limited });
    agent.destroy();
  });

  it('accepts a file exactly at the limit', async () => {
    const { error } = await admin().storage.from(limited).upload('exact.png', bytes(1024).buffer, { contentType: 'image/png' });
    expect(error).toBeNull();
  });

  it('refuses a type the bucket does not allow with 415 InvalidMimeType, and allows wildcard matches', async () => {
    const refused = await admin().storage.from(limited).upload('page.html', '<p>hi</p>', { contentType: 'text/html' });
    expect(refused.error).toMatchObject({ status: 400, statusCode: '415', code: 'InvalidMimeType' });
    const allowed = await admin().storage.from(limited).upload('pic.webp', bytes(10).buffer, { contentType: 'image/webp' });
    expect(allowed.error).toBeNull();
  });

  // Stricter than Supabase, whose copy does not re-check the destination bucket's rules.
  it.runIf(IS_LOCAL)('checks limits on the bucket an object is copied into', async () => {
    await admin().storage.from(open).upload('page.html', '<p>hi</p>', { contentType: 'text/html' });
    const { error } = await admin().storage.from(open).copy('page.html', 'page.html', { destinationBucket: limited });
    expect(error).toMatchObject({ statusCode: '415' });
  });
});

describe.runIf(IS_LOCAL)('object names that could escape the bucket on disk', () => {
  it.each([
    ['a parent segment', '..%2F..%2Fescape.txt'],
    ['an encoded dot-dot segment', 'folder/%2E%2E%2F%2E%2E%2Fescape.txt'],
    ['a backslash', 'folder%5C..%5Cescape.txt'],
    ['a NUL byte', 'name%00.txt'],
    ['an absolute path', '%2Fetc%2Fpasswd'],
    ['a key over 1024 bytes', 'k'.repeat(1100)],
  ])('refuses %s with 400 InvalidKey', async (_label, key) => {
    const response = await rawUpload(open, key);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: '400', code: 'InvalidKey' });
  });

  it('refuses ../ in keys given in JSON bodies (move, copy)', async () => {
    await admin().storage.from(open).upload('safe.txt', 'safe');
    const moved = await admin().storage.from(open).move('safe.txt', '../../../etc/passwd');
    expect(moved.error).toMatchObject({ statusCode: '400', code: 'InvalidKey' });
    const copied = await admin().storage.from(open).copy('safe.txt', 'a/../../b.txt');
    expect(copied.error).toMatchObject({ statusCode: '400', code: 'InvalidKey' });
    expect(await (await admin().storage.from(open).download('safe.txt')).data?.text()).toBe('safe');
  });
});

describe('forged and tampered JWTs', () => {
  const forgedClient = async (secret: string) =>
    clientWithToken(
      await new SignJWT({ role: 'service_role', sub: crypto.randomUUID() })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(secret)),
    );

  it('refuses a JWT signed with another secret (403 AccessDenied shape)', async () => {
    const forged = await forgedClient('not-the-project-secret-not-the-project-secret');
    const upload = await forged.storage.from(open).upload('forged.txt', 'x');
    expect(upload.error).toMatchObject({ status: 400, statusCode: '403' });
    const list = await forged.storage.from(open).list();
    expect(list.error).toMatchObject({ statusCode: '403' });
    expect((await forged.storage.listBuckets()).error).toMatchObject({ statusCode: '403' });
  });

  it('refuses an unsigned (alg: none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ role: 'service_role', exp: 4102444800 })).toString('base64url');
    const { error } = await clientWithToken(`${header}.${payload}.`).storage.from(open).upload('none.txt', 'x');
    expect(error).toMatchObject({ statusCode: '403' });
  });

  it('treats a forged JWT on a private download as no JWT at all', async () => {
    await admin().storage.from(open).upload('private.txt', 'private');
    const forged = await forgedClient('another-secret-another-secret-another-secret');
    const { error } = await forged.storage.from(open).download('private.txt');
    expect(error).toMatchObject({ status: 400 });
  });
});

describe('serving user files safely', () => {
  beforeAll(async () => {
    await admin().storage.from(open).upload('x.html', '<script>alert(1)</script>', { contentType: 'text/html' });
    await admin().storage.from(open).upload('x.svg', '<svg onload="alert(1)"/>', { contentType: 'image/svg+xml' });
    await admin().storage.from(open).upload('x.png', bytes(8).buffer, { contentType: 'image/png' });
  });

  const fetchObject = (key: string, query = '') =>
    fetch(`${STORAGE_URL}/object/authenticated/${open}/${key}${query}`, { headers: { authorization: `Bearer ${SERVICE}` } });

  it.runIf(IS_LOCAL)('serves HTML and SVG as sandboxed attachments that are never sniffed', async () => {
    for (const key of ['x.html', 'x.svg']) {
      const response = await fetchObject(key);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="x\.(html|svg)"/);
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
    }
  });

  it.runIf(IS_LOCAL)('serves images inline, still sandboxed and not sniffed', async () => {
    const response = await fetchObject('x.png');
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps quotes and line breaks out of the download file name', async () => {
    const response = await fetchObject('x.png', `?download=${encodeURIComponent('evil"\r\nSet-Cookie: a=b.png')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment/);
    expect(disposition).not.toMatch(/[\r\n]/);
  });

  it.runIf(IS_LOCAL)('refuses a Content-Type that could split headers', async () => {
    const response = await fetch(`${STORAGE_URL}/object/${open}/weird.txt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVICE}`, 'content-type': 'text/html, text/plain' },
      body: 'x',
    });
    expect(await response.json()).toMatchObject({ statusCode: '415', code: 'InvalidMimeType' });
  });
});

describe.runIf(IS_LOCAL)('rows and bytes never disagree', () => {
  it('keeps one consistent object when many upserts race on the same key', async () => {
    const writes = Array.from({ length: 8 }, (_, i) =>
      admin().storage.from(open).upload('raced.txt', `version ${i}`, { upsert: true }),
    );
    const results = await Promise.all(writes);
    expect(results.every((result) => result.error === null)).toBe(true);
    const text = await (await admin().storage.from(open).download('raced.txt')).data?.text();
    expect(text).toMatch(/^version [0-7]$/);
    const info = await admin().storage.from(open).info('raced.txt');
    expect(info.data?.size).toBe(text!.length);
  });

  it('leaves no temp files behind and keeps exactly one stored file per object row', async () => {
    const { BlobStore } = await import('../../local/storage/blobs.ts');
    const { STORAGE_DIR } = await import('../../local/storage/server.ts');
    const store = new BlobStore(STORAGE_DIR);
    // Other spec files upload at the same time: a leak persists, an upload in flight settles.
    const disagreement = async () => {
      const inventory = await store.inventory();
      const rows = await superuserSql<{ version: string }>('select version from storage.objects where version is not null');
      const stored = new Set(rows.map((row) => row.version));
      return {
        temp: inventory.temp,
        filesWithoutRow: inventory.versions.filter((version) => !stored.has(version)),
        rowsWithoutFile: [...stored].filter((version) => !inventory.versions.includes(version)),
      };
    };
    await expect.poll(disagreement, { timeout: 15_000, interval: 250 }).toEqual({ temp: [], filesWithoutRow: [], rowsWithoutFile: [] });
  });
});
