import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseSize, SUPABASE_DIR, type StackConfig } from '../config.ts';
import { serviceCaller } from './auth.ts';
import type { StorageServices } from './context.ts';
import type { Scope } from './db.ts';
import { mimeTypeFor } from './mime-types.ts';
import { commitObject } from './uploads.ts';
import { mimeTypeAllowed, validateAllowedMimeTypes, validateBucketName, validateKey } from './validate.ts';

interface ConfiguredBucket {
  id: string;
  public: boolean;
  fileSizeLimit: number | null;
  allowedMimeTypes: string[] | null;
  objectsPath?: string;
}

function readBucket(id: string, raw: unknown, globalLimit: number): ConfiguredBucket {
  const table = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  try {
    validateBucketName(id);
    const limit = table.file_size_limit === undefined ? null : parseSize(table.file_size_limit as string | number);
    return {
      id,
      public: table.public === true,
      fileSizeLimit: limit === null ? null : Math.min(limit, globalLimit),
      allowedMimeTypes: validateAllowedMimeTypes(table.allowed_mime_types) ?? null,
      objectsPath: typeof table.objects_path === 'string' ? table.objects_path : undefined,
    };
  } catch (error) {
    throw new Error(`config.toml [storage.buckets.${id}] is invalid: ${(error as Error).message}`, { cause: error });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Uploads the files of `objects_path` that the bucket does not hold yet (what `supabase seed buckets` does). */
async function seedObjects(services: StorageServices, bucket: ConfiguredBucket, limit: number) {
  const root = path.resolve(SUPABASE_DIR, bucket.objectsPath ?? '');
  const scope: Scope = { caller: serviceCaller(), operation: 'storage.seed', method: 'PUT', path: '', headers: {} };
  for (const file of await listFiles(root)) {
    const key = validateKey(path.relative(root, file).split(path.sep).join('/'));
    const { rows } = await services.db.admin.query(
      'select 1 from storage.objects where bucket_id = $1 and name = $2',
      [bucket.id, key],
    );
    const mimetype = mimeTypeFor(key);
    if (rows.length > 0 || !mimeTypeAllowed(mimetype, bucket.allowedMimeTypes)) continue;
    const blob = await services.blobs.stage(createReadStream(file), limit);
    const metadata = {
      eTag: `"${blob.md5}"`, size: blob.size, mimetype, cacheControl: 'max-age=3600',
      lastModified: new Date().toISOString(), contentLength: blob.size, httpStatusCode: 200,
    };
    await commitObject(services, scope, { bucketId: bucket.id, name: key, metadata }, blob.tempPath, true);
  }
}

/** Creates or updates every `[storage.buckets.<id>]` of config.toml, then seeds their `objects_path`. */
export async function syncConfiguredBuckets(services: StorageServices, config: StackConfig) {
  const buckets = Object.entries(config.storage.buckets).map(([id, raw]) =>
    readBucket(id, raw, services.globalFileSizeLimit),
  );
  for (const bucket of buckets) {
    await services.db.admin.query(
      `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
       values ($1, $1, $2, $3, $4)
       on conflict (id) do update set public = excluded.public, file_size_limit = excluded.file_size_limit,
         allowed_mime_types = excluded.allowed_mime_types, updated_at = now()`,
      [bucket.id, bucket.public, bucket.fileSizeLimit, bucket.allowedMimeTypes],
    );
    if (bucket.objectsPath) await seedObjects(services, bucket, bucket.fileSizeLimit ?? services.globalFileSizeLimit);
  }
  return buckets.map((bucket) => bucket.id);
}
