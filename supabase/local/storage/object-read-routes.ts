import { authenticate, type Caller } from './auth.ts';
import { findBucket } from './bucket-store.ts';
import { requireParam, scopeFor, type Handler, type RequestContext } from './context.ts';
import { sendObject } from './download.ts';
import { errors } from './errors.ts';
import { readJson, sendJson } from './http.ts';
import { findObject, searchObjects, type ObjectRow } from './object-store.ts';
import { readableKey } from './validate.ts';

type Access = 'optional-jwt' | 'required-jwt' | 'public';

/**
 * How Supabase reads objects: the bucket is looked up with Storage's own rights; public buckets
 * are read without RLS; private ones as the caller (a hidden row is NoSuchKey). Without a valid
 * JWT only public buckets can be read.
 */
async function objectLoader(ctx: RequestContext, access: Access): Promise<() => Promise<ObjectRow>> {
  const bucketId = requireParam(ctx, 'bucket');
  const key = readableKey(ctx.params.key);
  const caller: Caller | null = access === 'public' ? null : await authenticate(ctx.req, access === 'optional-jwt');
  const bucket = await findBucket(ctx.services.db.admin, bucketId);
  const { db } = ctx.services;
  if (bucket.public) return () => findObject(db.admin, bucketId, key);
  if (!caller?.authenticated) throw errors.noSuchBucket();
  return () => db.asCaller(scopeFor(ctx, caller), (client) => findObject(client, bucketId, key));
}

const download =
  (access: Access): Handler =>
  async (ctx) =>
    sendObject(ctx, await objectLoader(ctx, access));

export const downloadRoute = download('optional-jwt');
export const authenticatedDownloadRoute = download('required-jwt');
export const publicDownloadRoute = download('public');

function infoBody(object: ObjectRow) {
  const metadata = object.metadata ?? {};
  return {
    id: object.id,
    name: object.name,
    version: object.version,
    bucket_id: object.bucket_id,
    size: metadata.size ?? null,
    content_type: metadata.mimetype ?? null,
    cache_control: metadata.cacheControl ?? null,
    etag: metadata.eTag ?? null,
    metadata: object.user_metadata,
    last_modified: object.updated_at,
    created_at: object.created_at,
  };
}

const info =
  (access: Access): Handler =>
  async (ctx) => {
    const load = await objectLoader(ctx, access);
    sendJson(ctx.res, 200, infoBody(await load()));
  };

export const infoRoute = info('optional-jwt');
export const authenticatedInfoRoute = info('required-jwt');
export const publicInfoRoute = info('public');

const SORT_COLUMNS = ['name', 'updated_at', 'created_at', 'last_accessed_at'];

function listOptions(body: Record<string, unknown>) {
  const { limit = 100, offset = 0, search = '' } = body;
  const sortBy = (body.sortBy ?? {}) as Record<string, unknown>;
  const column = sortBy.column ?? 'name';
  const order = sortBy.order ?? 'asc';
  if (!Number.isInteger(limit) || (limit as number) < 1) throw errors.invalidParameter('limit');
  if (!Number.isInteger(offset) || (offset as number) < 0) throw errors.invalidParameter('offset');
  if (typeof search !== 'string') throw errors.invalidParameter('search');
  if (typeof column !== 'string' || !SORT_COLUMNS.includes(column)) throw errors.invalidParameter('sortBy.column');
  if (order !== 'asc' && order !== 'desc') throw errors.invalidParameter('sortBy.order');
  return { limit: limit as number, offset: offset as number, search, sortColumn: column, sortOrder: order };
}

/** One folder level: files and sub-folders (folders have null id/timestamps/metadata). */
export const listRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const bucketId = requireParam(ctx, 'bucket');
  const body = await readJson(ctx.req);
  if (typeof body.prefix !== 'string') throw errors.missingParameter('prefix');
  const prefix = body.prefix && !body.prefix.endsWith('/') ? `${body.prefix}/` : body.prefix;
  const options = listOptions(body);
  const rows = await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) =>
    searchObjects(db, bucketId, prefix, options),
  );
  sendJson(ctx.res, 200, rows);
};
