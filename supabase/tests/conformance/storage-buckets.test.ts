import { afterAll, describe, expect, it } from 'vitest';
import { admin, client, IS_LOCAL } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';
import { eventually, removeBucket, STORAGE_URL, uniqueName } from './storage-helpers.ts';

const created: string[] = [];
afterAll(async () => {
  for (const id of created) await removeBucket(id).catch(() => undefined);
});

function newBucketId(tag: string) {
  const id = uniqueName(tag);
  created.push(id);
  return id;
}

describe('storage buckets', () => {
  it('creates a bucket and answers with its name', async () => {
    const id = newBucketId('create');
    const { data, error } = await admin().storage.createBucket(id, { public: false });
    expect(error).toBeNull();
    expect(data).toEqual({ name: id });
  });

  it('gets a bucket with every documented field', async () => {
    const id = newBucketId('get');
    await admin().storage.createBucket(id, {
      public: true,
      fileSizeLimit: 1024,
      allowedMimeTypes: ['image/png', 'image/*'],
    });
    const { data, error } = await admin().storage.getBucket(id);
    expect(error).toBeNull();
    expect(data).toMatchObject({
      id,
      name: id,
      public: true,
      type: 'STANDARD',
      file_size_limit: 1024,
      allowed_mime_types: ['image/png', 'image/*'],
    });
    expect(Object.keys(data!)).toEqual(
      expect.arrayContaining(['owner', 'created_at', 'updated_at', 'file_size_limit', 'allowed_mime_types']),
    );
  });

  it('accepts size limits written as strings like "1MB"', async () => {
    const id = newBucketId('size-string');
    await admin().storage.createBucket(id, { public: false, fileSizeLimit: '1MB' });
    const { data } = await admin().storage.getBucket(id);
    expect(data?.file_size_limit).toBe(1_000_000);
  });

  it('lists buckets with search, sort, limit and offset', async () => {
    const tag = uniqueName('listing');
    for (const suffix of ['b', 'a', 'c']) {
      created.push(`${tag}-${suffix}`);
      await admin().storage.createBucket(`${tag}-${suffix}`, { public: false });
    }
    const { data, error } = await admin().storage.listBuckets({ search: tag, sortColumn: 'name', sortOrder: 'desc' });
    expect(error).toBeNull();
    expect(data!.map((b) => b.id)).toEqual([`${tag}-c`, `${tag}-b`, `${tag}-a`]);
    const page = await admin().storage.listBuckets({ search: tag, sortColumn: 'name', limit: 1, offset: 1 });
    expect(page.data!.map((b) => b.id)).toEqual([`${tag}-b`]);
  });

  it('updates public, size limit and allowed types', async () => {
    const id = newBucketId('update');
    await admin().storage.createBucket(id, { public: false });
    const { data, error } = await admin().storage.updateBucket(id, {
      public: true,
      fileSizeLimit: 2048,
      allowedMimeTypes: ['text/plain'],
    });
    expect(error).toBeNull();
    expect(data).toEqual({ message: 'Successfully updated' });
    const bucket = await admin().storage.getBucket(id);
    expect(bucket.data).toMatchObject({ public: true, file_size_limit: 2048, allowed_mime_types: ['text/plain'] });
  });

  it('refuses to delete a bucket that still has objects, then empties and deletes it', async () => {
    const id = newBucketId('delete');
    await admin().storage.createBucket(id, { public: false });
    await admin().storage.from(id).upload('one.txt', 'one');
    const refused = await admin().storage.deleteBucket(id);
    expect(refused.error).toMatchObject({ status: 400, statusCode: '409' });
    expect(refused.error?.message).toMatch(/not empty/);
    const emptied = await admin().storage.emptyBucket(id);
    expect(emptied.error).toBeNull();
    expect(typeof emptied.data?.message).toBe('string');
    await eventually(async () => (await admin().storage.from(id).list()).data?.length === 0);
    const deleted = await admin().storage.deleteBucket(id);
    expect(deleted.data).toEqual({ message: 'Successfully deleted' });
    expect((await admin().storage.getBucket(id)).error).toMatchObject({ statusCode: '404' });
  });

  it('reports a missing bucket as NoSuchBucket (HTTP 400, statusCode "404")', async () => {
    const { error } = await admin().storage.getBucket(uniqueName('missing'));
    expect(error).toMatchObject({ status: 400, statusCode: '404', code: 'NoSuchBucket' });
    const upload = await admin().storage.from(uniqueName('missing')).upload('a.txt', 'a');
    expect(upload.error).toMatchObject({ statusCode: '404', code: 'NoSuchBucket' });
  });

  it('refuses a duplicate bucket with BucketAlreadyExists', async () => {
    const id = newBucketId('dup');
    await admin().storage.createBucket(id, { public: false });
    const { error } = await admin().storage.createBucket(id, { public: false });
    expect(error).toMatchObject({ statusCode: '409', code: 'BucketAlreadyExists' });
  });

  it('refuses invalid bucket names', async () => {
    const { error } = await admin().storage.createBucket(' padded ', { public: false });
    expect(error).toMatchObject({ statusCode: '400', code: 'InvalidBucketName' });
  });

  it('lets RLS on storage.buckets decide: the anon role cannot create buckets', async () => {
    const { error } = await client().storage.createBucket(uniqueName('anon'), { public: false });
    expect(error).toMatchObject({ status: 400, statusCode: '403', code: 'AccessDenied' });
  });

  it.runIf(IS_LOCAL)('caps bucket size limits at the global [storage] file_size_limit', async () => {
    const { error } = await admin().storage.createBucket(uniqueName('too-big'), { public: false, fileSizeLimit: '1GB' });
    expect(error).toMatchObject({ statusCode: '413', code: 'EntityTooLarge' });
  });

  it.runIf(IS_LOCAL)('answers its health route', async () => {
    const response = await fetch(`${STORAGE_URL}/status`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.runIf(IS_LOCAL)('serves buckets that migrations insert with SQL', async () => {
    const id = newBucketId('sql');
    await superuserSql('insert into storage.buckets (id, name, public) values ($1, $1, true)', [id]);
    const { data } = await admin().storage.getBucket(id);
    expect(data).toMatchObject({ id, public: true });
    const upload = await admin().storage.from(id).upload('hello.txt', 'from a migration bucket');
    expect(upload.error).toBeNull();
  });
});
