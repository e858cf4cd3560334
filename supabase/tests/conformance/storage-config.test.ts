import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../local/config.ts';
import { BlobStore } from '../../local/storage/blobs.ts';
import { syncConfiguredBuckets } from '../../local/storage/config-buckets.ts';
import type { StorageServices } from '../../local/storage/context.ts';
import { StorageDatabase } from '../../local/storage/db.ts';
import { STORAGE_DIR } from '../../local/storage/server.ts';
import { admin, IS_LOCAL } from '../helpers/env.ts';
import { removeBucket, uniqueName } from './storage-helpers.ts';

/** `[storage.buckets.<id>]` in config.toml: what the local stack does with it at start (local only). */
describe.runIf(IS_LOCAL)('storage buckets from config.toml', () => {
  const bucketId = uniqueName('configured');
  const workDir = path.join('/tmp', `${bucketId}-config`);
  const configPath = path.join(workDir, 'config.toml');
  let services: StorageServices;

  async function writeConfig(isPublic: boolean) {
    await writeFile(
      configPath,
      [
        '[storage]',
        'file_size_limit = "50MiB"',
        `[storage.buckets.${bucketId}]`,
        `public = ${isPublic}`,
        'file_size_limit = "1GiB"',
        'allowed_mime_types = ["image/png", "text/plain"]',
        `objects_path = "${path.join(workDir, 'seed')}"`,
      ].join('\n'),
    );
  }

  beforeAll(async () => {
    await mkdir(path.join(workDir, 'seed', 'docs'), { recursive: true });
    await writeFile(path.join(workDir, 'seed', 'docs', 'readme.txt'), 'seeded from objects_path');
    await writeFile(path.join(workDir, 'seed', 'skipped.html'), '<p>not an allowed type</p>');
    const config = loadConfig(configPath);
    services = {
      db: new StorageDatabase(`postgresql://supabase_storage_admin:postgres@127.0.0.1:${config.db.port}/postgres`),
      blobs: new BlobStore(STORAGE_DIR),
      globalFileSizeLimit: 50 * 1024 * 1024,
    };
  });

  afterAll(async () => {
    await removeBucket(bucketId).catch(() => undefined);
    await services.db.end();
    await rm(workDir, { recursive: true, force: true });
  });

  it('creates the bucket with its settings, capping the size limit at the global one', async () => {
    await writeConfig(true);
    await syncConfiguredBuckets(services, loadConfig(configPath));
    const { data } = await admin().storage.getBucket(bucketId);
    expect(data).toMatchObject({
      public: true,
      file_size_limit: 50 * 1024 * 1024,
      allowed_mime_types: ['image/png', 'text/plain'],
    });
  });

  it('uploads the files of objects_path that the bucket allows', async () => {
    const { data } = await admin().storage.from(bucketId).download('docs/readme.txt');
    expect(await data?.text()).toBe('seeded from objects_path');
    const skipped = await admin().storage.from(bucketId).exists('skipped.html');
    expect(skipped.data).toBe(false);
  });

  it('updates the bucket when config.toml changes', async () => {
    await writeConfig(false);
    await syncConfiguredBuckets(services, loadConfig(configPath));
    const { data } = await admin().storage.getBucket(bucketId);
    expect(data?.public).toBe(false);
    const listing = await admin().storage.from(bucketId).list('docs');
    expect(listing.data?.map((o) => o.name)).toEqual(['readme.txt']);
  });
});
