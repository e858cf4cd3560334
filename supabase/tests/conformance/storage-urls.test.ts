import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, client, IS_LOCAL } from '../helpers/env.ts';
import { createTestBucket, removeBucket } from './storage-helpers.ts';

let privateBucket: string;
let publicBucket: string;

beforeAll(async () => {
  privateBucket = await createTestBucket('urls-private');
  publicBucket = await createTestBucket('urls-public', { public: true });
  await admin().storage.from(privateBucket).upload('doc.txt', new Blob(['private doc'], { type: 'text/plain' }));
  await admin().storage.from(privateBucket).upload('other.txt', 'other');
  await admin().storage.from(publicBucket).upload('logo.png', new Blob(['png bytes'], { type: 'image/png' }));
});
afterAll(async () => {
  await removeBucket(privateBucket);
  await removeBucket(publicBucket);
});

async function errorBody(response: Response) {
  return { status: response.status, body: (await response.json()) as { statusCode: string; code: string } };
}

/** Replaces the token's payload while keeping its signature. */
function tamper(signedUrl: string, changes: Record<string, unknown>): string {
  const url = new URL(signedUrl);
  const [header, payload, signature] = url.searchParams.get('token')!.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...changes };
  url.searchParams.set('token', [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.'));
  return url.toString();
}

describe('signed download URLs', () => {
  it('creates a signed URL that plain fetch can open without a JWT', async () => {
    const { data, error } = await admin().storage.from(privateBucket).createSignedUrl('doc.txt', 60);
    expect(error).toBeNull();
    expect(data!.signedUrl).toContain(`/storage/v1/object/sign/${privateBucket}/doc.txt?token=`);
    const response = await fetch(data!.signedUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('private doc');
  });

  it('adds Content-Disposition: attachment when asked to download', async () => {
    const { data } = await admin().storage.from(privateBucket).createSignedUrl('doc.txt', 60, { download: 'report.txt' });
    const response = await fetch(data!.signedUrl);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;.*filename.*report\.txt/);
  });

  it('creates signed URLs in batch, with an error entry for missing objects', async () => {
    const { data, error } = await admin().storage.from(privateBucket).createSignedUrls(['doc.txt', 'missing.txt'], 60);
    expect(error).toBeNull();
    expect(data![0]).toMatchObject({ path: 'doc.txt', error: null });
    expect(await (await fetch(data![0].signedUrl!)).text()).toBe('private doc');
    expect(data![1]).toMatchObject({
      path: 'missing.txt',
      signedURL: null,
      error: 'Either the object does not exist or you do not have access to it',
    });
  });

  it('refuses to sign a missing object', async () => {
    const { error } = await admin().storage.from(privateBucket).createSignedUrl('missing.txt', 60);
    expect(error).toMatchObject({ statusCode: '404', code: 'NoSuchKey' });
  });

  it('refuses a signed URL after it expired', async () => {
    const { data } = await admin().storage.from(privateBucket).createSignedUrl('doc.txt', 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const { status, body } = await errorBody(await fetch(data!.signedUrl));
    expect(status).toBe(400);
    expect(body.statusCode).toBe('400');
    // Supabase's current storage reports jose's expiry error as InvalidJWT; the reference names ExpiredToken.
    expect(IS_LOCAL ? ['ExpiredToken'] : ['ExpiredToken', 'InvalidJWT']).toContain(body.code);
  });

  it('refuses a tampered token (its signature no longer matches)', async () => {
    const { data } = await admin().storage.from(privateBucket).createSignedUrl('doc.txt', 60);
    const forged = tamper(data!.signedUrl, { url: `${privateBucket}/other.txt` }).replace('/doc.txt?', '/other.txt?');
    const { status, body } = await errorBody(await fetch(forged));
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: '400', code: 'InvalidJWT' });
  });

  it('refuses a valid token presented for another object', async () => {
    const { data } = await admin().storage.from(privateBucket).createSignedUrl('doc.txt', 60);
    const { status, body } = await errorBody(await fetch(data!.signedUrl.replace('/doc.txt?', '/other.txt?')));
    expect(status).toBe(400);
    expect(body.statusCode).toBe('400');
    expect(['InvalidSignature', 'InvalidJWT']).toContain(body.code);
  });
});

describe('signed upload URLs', () => {
  it('creates an upload URL whose token lets a client without a session upload once', async () => {
    const signed = await admin().storage.from(privateBucket).createSignedUploadUrl('uploads/ticket.txt');
    expect(signed.error).toBeNull();
    expect(signed.data).toMatchObject({ path: 'uploads/ticket.txt' });
    expect(signed.data!.signedUrl).toContain(`/object/upload/sign/${privateBucket}/uploads/ticket.txt?token=`);
    const uploaded = await client()
      .storage.from(privateBucket)
      .uploadToSignedUrl('uploads/ticket.txt', signed.data!.token, new Blob(['via signed url'], { type: 'text/plain' }));
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toMatchObject({ path: 'uploads/ticket.txt', fullPath: `${privateBucket}/uploads/ticket.txt` });
    expect(await (await admin().storage.from(privateBucket).download('uploads/ticket.txt')).data?.text()).toBe('via signed url');
    const again = await client().storage.from(privateBucket).uploadToSignedUrl('uploads/ticket.txt', signed.data!.token, 'again');
    expect(again.error).toMatchObject({ statusCode: '409' });
  });

  it('lets an upsert token replace an existing object', async () => {
    const signed = await admin().storage.from(privateBucket).createSignedUploadUrl('other.txt', { upsert: true });
    const uploaded = await client().storage.from(privateBucket).uploadToSignedUrl('other.txt', signed.data!.token, 'replaced');
    expect(uploaded.error).toBeNull();
    expect(await (await admin().storage.from(privateBucket).download('other.txt')).data?.text()).toBe('replaced');
  });

  it('refuses an upload token for another path and a download token used for uploading', async () => {
    const signed = await admin().storage.from(privateBucket).createSignedUploadUrl('uploads/a.txt');
    const elsewhere = await client().storage.from(privateBucket).uploadToSignedUrl('uploads/b.txt', signed.data!.token, 'x');
    expect(elsewhere.error).toMatchObject({ status: 400, statusCode: '400' });
    const download = await admin().storage.from(privateBucket).createSignedUrl('doc.txt', 60);
    const token = new URL(download.data!.signedUrl).searchParams.get('token')!;
    const misused = await client().storage.from(privateBucket).uploadToSignedUrl('doc.txt', token, 'overwrite?');
    expect(misused.error).toMatchObject({ status: 400, statusCode: '400' });
    expect(await (await admin().storage.from(privateBucket).download('doc.txt')).data?.text()).toBe('private doc');
  });

  it('refuses a signed upload URL token used to download', async () => {
    const signed = await admin().storage.from(privateBucket).createSignedUploadUrl('doc.txt', { upsert: true });
    const url = signed.data!.signedUrl.replace('/object/upload/sign/', '/object/sign/');
    const { status, body } = await errorBody(await fetch(url));
    expect(status).toBe(400);
    expect(body.statusCode).toBe('400');
  });
});

describe('public URLs', () => {
  it('serves objects of a public bucket to anyone', async () => {
    const { data } = client().storage.from(publicBucket).getPublicUrl('logo.png');
    expect(data.publicUrl).toContain(`/storage/v1/object/public/${publicBucket}/logo.png`);
    const response = await fetch(data.publicUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(await response.text()).toBe('png bytes');
  });

  it('downloads public objects through the authenticated route too, even with the anon key', async () => {
    const { data } = await client().storage.from(publicBucket).download('logo.png');
    expect(await data?.text()).toBe('png bytes');
  });

  it('does not serve a private bucket through a public URL', async () => {
    const { data } = client().storage.from(privateBucket).getPublicUrl('doc.txt');
    const { status, body } = await errorBody(await fetch(data.publicUrl));
    expect(status).toBe(400);
    expect(body.statusCode).toBe('404');
  });

  it('adds ?download as an attachment disposition', async () => {
    const { data } = client().storage.from(publicBucket).getPublicUrl('logo.png', { download: true });
    const response = await fetch(data.publicUrl);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});
