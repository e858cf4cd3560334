import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, SERVICE } from '../helpers/env.ts';
import { createTestBucket, removeBucket, STORAGE_URL } from './storage-helpers.ts';

let bucket: string;
let otherBucket: string;
const storage = () => admin().storage.from(bucket);

beforeAll(async () => {
  bucket = await createTestBucket('objects');
  otherBucket = await createTestBucket('objects-other');
});
afterAll(async () => {
  await removeBucket(bucket);
  await removeBucket(otherBucket);
});

describe('uploading objects', () => {
  it('uploads a Blob as multipart and answers with id, path and fullPath', async () => {
    const { data, error } = await storage().upload('blob/hello.txt', new Blob(['hello blob'], { type: 'text/plain' }));
    expect(error).toBeNull();
    expect(data).toMatchObject({ path: 'blob/hello.txt', fullPath: `${bucket}/blob/hello.txt` });
    expect(data!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uploads an ArrayBuffer, a string and a stream as raw bodies', async () => {
    const buffer = new TextEncoder().encode('array buffer').buffer;
    expect((await storage().upload('raw/buffer.bin', buffer, { contentType: 'application/octet-stream' })).error).toBeNull();
    expect((await storage().upload('raw/string.txt', 'plain string')).error).toBeNull();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed '));
        controller.enqueue(new TextEncoder().encode('body'));
        controller.close();
      },
    });
    expect((await storage().upload('raw/stream.txt', stream, { contentType: 'text/plain' })).error).toBeNull();
    const downloaded = await storage().download('raw/stream.txt');
    expect(await downloaded.data?.text()).toBe('streamed body');
  });

  it('keeps the existing object unless upsert is set (409 KeyAlreadyExists)', async () => {
    await storage().upload('upsert.txt', 'first');
    const refused = await storage().upload('upsert.txt', 'second');
    expect(refused.error).toMatchObject({ status: 400, statusCode: '409', code: 'KeyAlreadyExists' });
    expect(await (await storage().download('upsert.txt')).data?.text()).toBe('first');
    const replaced = await storage().upload('upsert.txt', 'third', { upsert: true });
    expect(replaced.error).toBeNull();
    expect(await (await storage().download('upsert.txt')).data?.text()).toBe('third');
  });

  it('replaces an object with update()', async () => {
    await storage().upload('update.txt', 'before');
    const { error } = await storage().update('update.txt', new Blob(['after'], { type: 'text/plain' }));
    expect(error).toBeNull();
    expect(await (await storage().download('update.txt')).data?.text()).toBe('after');
  });

  it('stores cache control, content type and user metadata', async () => {
    await storage().upload('meta.json', JSON.stringify({ a: 1 }), {
      contentType: 'application/json',
      cacheControl: '60',
      metadata: { ticket: 'T-1' },
    });
    const { data } = await storage().info('meta.json');
    expect(data).toMatchObject({
      name: 'meta.json',
      bucketId: bucket,
      size: 7,
      contentType: 'application/json',
      cacheControl: 'max-age=60',
      metadata: { ticket: 'T-1' },
    });
    expect(data!.etag).toMatch(/^"[0-9a-f]{32}"$/);
  });
});

describe('reading objects', () => {
  beforeAll(async () => {
    await storage().upload('read/doc.txt', new Blob(['read me'], { type: 'text/plain' }));
  });

  it('downloads the bytes', async () => {
    const { data, error } = await storage().download('read/doc.txt');
    expect(error).toBeNull();
    expect(await data?.text()).toBe('read me');
  });

  it('reports a missing object as NoSuchKey (HTTP 400, statusCode "404")', async () => {
    const { error } = await storage().download('read/missing.txt');
    expect(error).toMatchObject({ status: 400 });
    const info = await storage().info('read/missing.txt');
    expect(info.error).toMatchObject({ status: 400, statusCode: '404', code: 'NoSuchKey' });
  });

  it('tells whether an object exists', async () => {
    expect((await storage().exists('read/doc.txt')).data).toBe(true);
    expect((await storage().exists('read/missing.txt')).data).toBe(false);
  });

  it('answers HEAD with the object headers and no body', async () => {
    const response = await fetch(`${STORAGE_URL}/object/${bucket}/read/doc.txt`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${SERVICE}`, apikey: SERVICE },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('7');
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await response.text()).toBe('');
  });

  it('answers a matching If-None-Match with 304 Not Modified', async () => {
    const url = `${STORAGE_URL}/object/authenticated/${bucket}/read/doc.txt`;
    const headers = { authorization: `Bearer ${SERVICE}` };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    const again = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves a byte range', async () => {
    const response = await fetch(`${STORAGE_URL}/object/authenticated/${bucket}/read/doc.txt`, {
      headers: { authorization: `Bearer ${SERVICE}`, range: 'bytes=2-4' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 2-4/7');
    expect(await response.text()).toBe('ad ');
  });
});

describe('listing objects', () => {
  beforeAll(async () => {
    for (const name of ['list/b.txt', 'list/a.txt', 'list/C.txt', 'list/sub/deep.txt', 'list/sub2/x.txt']) {
      await storage().upload(name, name);
    }
  });

  it('lists one level with sub-folders shown once with null id and metadata', async () => {
    const { data, error } = await storage().list('list');
    expect(error).toBeNull();
    expect(data!.map((o) => o.name)).toEqual(['a.txt', 'b.txt', 'C.txt', 'sub', 'sub2']);
    const folder = data!.find((o) => o.name === 'sub')!;
    expect(folder).toMatchObject({ id: null, metadata: null, updated_at: null });
    const file = data!.find((o) => o.name === 'a.txt')!;
    expect(file.id).toBeTruthy();
    expect(file.metadata).toMatchObject({ size: 10, mimetype: 'text/plain;charset=UTF-8' });
  });

  it('pages with limit and offset, and sorts descending', async () => {
    const page = await storage().list('list', { limit: 2, offset: 1 });
    expect(page.data!.map((o) => o.name)).toEqual(['b.txt', 'C.txt']);
    const desc = await storage().list('list', { sortBy: { column: 'name', order: 'desc' } });
    expect(desc.data!.map((o) => o.name)).toEqual(['sub2', 'sub', 'C.txt', 'b.txt', 'a.txt']);
  });

  it('sorts by a timestamp column with the folders first', async () => {
    const { data } = await storage().list('list', { sortBy: { column: 'created_at', order: 'asc' } });
    expect(data!.map((o) => o.name)).toEqual(['sub', 'sub2', 'b.txt', 'a.txt', 'C.txt']);
  });

  it('narrows by search', async () => {
    const { data } = await storage().list('list', { search: 'su' });
    expect(data!.map((o) => o.name)).toEqual(['sub', 'sub2']);
  });

  it('lists the bucket root', async () => {
    const { data } = await storage().list();
    expect(data!.map((o) => o.name)).toContain('list');
  });
});

describe('moving, copying and removing', () => {
  it('moves an object within and across buckets', async () => {
    await storage().upload('move/from.txt', 'moving');
    const moved = await storage().move('move/from.txt', 'move/to.txt');
    expect(moved).toEqual({ data: { message: 'Successfully moved' }, error: null });
    expect((await storage().exists('move/from.txt')).data).toBe(false);
    expect(await (await storage().download('move/to.txt')).data?.text()).toBe('moving');
    const across = await storage().move('move/to.txt', 'arrived.txt', { destinationBucket: otherBucket });
    expect(across.error).toBeNull();
    expect(await (await admin().storage.from(otherBucket).download('arrived.txt')).data?.text()).toBe('moving');
  });

  it('refuses to move onto an existing key and to move a missing object', async () => {
    await storage().upload('move/a.txt', 'a');
    await storage().upload('move/b.txt', 'b');
    expect((await storage().move('move/a.txt', 'move/b.txt')).error).toMatchObject({ statusCode: '409' });
    expect((await storage().move('move/none.txt', 'move/c.txt')).error).toMatchObject({ statusCode: '404' });
  });

  it('copies an object with its metadata, within and across buckets', async () => {
    await storage().upload('copy/src.txt', 'copied', { metadata: { origin: 'src' } });
    const copy = await storage().copy('copy/src.txt', 'copy/dst.txt');
    expect(copy).toEqual({ data: { path: `${bucket}/copy/dst.txt` }, error: null });
    expect(await (await storage().download('copy/dst.txt')).data?.text()).toBe('copied');
    expect((await storage().info('copy/dst.txt')).data?.metadata).toEqual({ origin: 'src' });
    expect(await (await storage().download('copy/src.txt')).data?.text()).toBe('copied');
    const across = await storage().copy('copy/src.txt', 'copied.txt', { destinationBucket: otherBucket });
    expect(across.error).toBeNull();
  });

  it('removes objects and returns the removed rows', async () => {
    await storage().upload('remove/1.txt', '1');
    await storage().upload('remove/2.txt', '2');
    const { data, error } = await storage().remove(['remove/1.txt', 'remove/2.txt', 'remove/none.txt']);
    expect(error).toBeNull();
    expect(data!.map((o) => o.name).sort()).toEqual(['remove/1.txt', 'remove/2.txt']);
    expect(data![0]).toMatchObject({ bucket_id: bucket });
    expect((await storage().exists('remove/1.txt')).data).toBe(false);
  });
});
