import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { StagedBlob } from './blobs.ts';
import { findBucket } from './bucket-store.ts';
import { uploadPolicy, type StorageServices } from './context.ts';
import type { Scope } from './db.ts';
import { errors } from './errors.ts';
import { findObject, writeObject, type NewObject, type ObjectMetadata } from './object-store.ts';
import { receiveUpload, type UploadDescription } from './upload-body.ts';
import { mimeTypeAllowed, readableKey, validateKey } from './validate.ts';

export interface ObjectAddress {
  bucketId: string;
  key: string;
}

/** Placeholder version for the rolled-back permission test; real versions are uuids. */
const PERMISSION_TEST_VERSION = 'permission-test';

/** Supabase's `canUpload`: the write an upload will make, tried as the caller and rolled back. */
export function testUploadPermission(
  services: StorageServices,
  scope: Scope,
  object: Omit<NewObject, 'version'>,
  upsert: boolean,
): Promise<void> {
  const draft = { ...object, version: PERMISSION_TEST_VERSION };
  return services.db.testPermission(scope, (client) => writeObject(client, draft, upsert));
}

type UploadTarget = ObjectAddress & { upsert: boolean; owner?: string };

function objectRow(target: UploadTarget, description: UploadDescription, metadata: object): Omit<NewObject, 'version'> {
  return {
    bucketId: target.bucketId,
    name: target.key,
    owner: target.owner,
    metadata: { ...metadata },
    userMetadata: description.userMetadata,
  };
}

function storedMetadata(description: UploadDescription, blob: StagedBlob): ObjectMetadata {
  return {
    eTag: `"${blob.md5}"`,
    size: blob.size,
    mimetype: description.mimeType,
    cacheControl: description.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: blob.size,
    httpStatusCode: 200,
  };
}

/**
 * An upload end to end: bucket rules, the caller's INSERT (or upsert) rights tested before any
 * byte is read, bytes streamed to a temp file, then the row and the bytes committed together.
 */
export async function storeUpload(
  services: StorageServices,
  scope: Scope,
  req: IncomingMessage,
  target: UploadTarget,
): Promise<string> {
  validateKey(target.key);
  const bucket = await findBucket(services.db.admin, target.bucketId);
  const testPermission = (description: UploadDescription) => {
    const declared = { mimetype: description.mimeType, contentLength: description.contentLength };
    return testUploadPermission(services, scope, objectRow(target, description, declared), target.upsert);
  };
  const policy = uploadPolicy(bucket, services.globalFileSizeLimit);
  const { description, blob } = await receiveUpload(req, policy, services.blobs, testPermission);
  const row = objectRow(target, description, storedMetadata(description, blob));
  return commitObject(services, scope, row, blob.tempPath, target.upsert);
}

/**
 * Writes the row as the caller and, inside the same transaction, moves the staged bytes into
 * place: a failed write or commit leaves no bytes behind, a committed row always has its bytes.
 * The version it replaced is removed afterwards.
 */
export async function commitObject(
  services: StorageServices,
  scope: Scope,
  object: Omit<NewObject, 'version'>,
  tempPath: string,
  upsert: boolean,
): Promise<string> {
  const version = randomUUID();
  try {
    const written = await services.db.asCaller(scope, async (client) => {
      const result = await writeObject(client, { ...object, version }, upsert);
      await services.blobs.commit(tempPath, version);
      return result;
    });
    await services.blobs.remove([written.previousVersion]);
    return written.id;
  } catch (error) {
    // A commit that failed in transit may still have happened: only unreferenced bytes go.
    if (!(await versionIsReferenced(services, version))) await services.blobs.remove([version]);
    throw error;
  } finally {
    await services.blobs.discardTemp(tempPath);
  }
}

async function versionIsReferenced(services: StorageServices, version: string): Promise<boolean> {
  const check = services.db.admin.query('select 1 from storage.objects where version = $1', [version]);
  return check.then(({ rows }) => rows.length > 0, () => true);
}

export interface CopyRequest {
  source: ObjectAddress;
  destination: ObjectAddress;
  upsert: boolean;
  owner?: string;
  /** When false, the copy takes `userMetadata` instead of the source's. */
  copyMetadata: boolean;
  userMetadata?: Record<string, unknown> | null;
}

/** Copies bytes and metadata to a new key (SELECT on the source, INSERT at the destination). */
export async function copyObject(services: StorageServices, scope: Scope, request: CopyRequest): Promise<string> {
  const { source, destination } = request;
  readableKey(source.key);
  validateKey(destination.key);
  await findBucket(services.db.admin, source.bucketId);
  const targetBucket = await findBucket(services.db.admin, destination.bucketId);
  const original = await services.db.asCaller(scope, (client) => findObject(client, source.bucketId, source.key));
  const metadata = original.metadata ?? {};
  const policy = uploadPolicy(targetBucket, services.globalFileSizeLimit);
  if ((metadata.size ?? 0) > policy.limit) throw errors.entityTooLarge();
  if (!mimeTypeAllowed(metadata.mimetype ?? 'application/octet-stream', policy.allowedMimeTypes)) {
    throw errors.invalidMimeType(metadata.mimetype ?? 'application/octet-stream');
  }
  const tempPath = await services.blobs.stageCopy(original.version ?? '').catch(() => {
    throw errors.noSuchKey(); // a row without bytes (inserted by SQL) cannot be copied
  });
  const object = {
    bucketId: destination.bucketId,
    name: destination.key,
    owner: request.owner,
    metadata: { ...metadata, lastModified: new Date().toISOString() },
    userMetadata: request.copyMetadata ? original.user_metadata : (request.userMetadata ?? null),
  };
  return commitObject(services, scope, object, tempPath, request.upsert);
}
