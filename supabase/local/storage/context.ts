import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from './auth.ts';
import type { BlobStore } from './blobs.ts';
import type { Bucket } from './bucket-store.ts';
import type { Scope, StorageDatabase } from './db.ts';
import type { UploadPolicy } from './upload-body.ts';

/** Long-lived parts of the service every handler uses. */
export interface StorageServices {
  db: StorageDatabase;
  blobs: BlobStore;
  /** `[storage] file_size_limit`, in bytes: no bucket may accept more. */
  globalFileSizeLimit: number;
}

/** One request as a handler sees it. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  services: StorageServices;
  /** Decoded route parameters: `bucket` and the object `key` (the wildcard). */
  params: { bucket?: string; key?: string };
  query: URLSearchParams;
  path: string;
  /** Supabase's operation name, exposed to policies as `storage.operation`. */
  operation: string;
}

export type Handler = (ctx: RequestContext) => Promise<void>;

export function scopeFor(ctx: RequestContext, caller: Caller): Scope {
  return {
    caller,
    operation: ctx.operation,
    method: ctx.req.method ?? 'GET',
    path: ctx.path,
    headers: ctx.req.headers,
  };
}

/** The bucket's size limit capped by the global one, and its allowed types. */
export function uploadPolicy(bucket: Bucket, globalLimit: number): UploadPolicy {
  const limit = bucket.file_size_limit ? Math.min(bucket.file_size_limit, globalLimit) : globalLimit;
  return { limit, allowedMimeTypes: bucket.allowed_mime_types };
}

export function requireParam(ctx: RequestContext, name: 'bucket' | 'key'): string {
  return ctx.params[name] ?? '';
}
