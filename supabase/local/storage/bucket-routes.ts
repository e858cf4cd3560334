import { authenticate } from './auth.ts';
import {
  bucketHasObjects,
  deleteBucketRow,
  findBucket,
  insertBucket,
  listBuckets,
  updateBucket,
  type BucketListOptions,
  type BucketSettings,
} from './bucket-store.ts';
import { requireParam, scopeFor, type Handler, type RequestContext } from './context.ts';
import { errors, StorageError } from './errors.ts';
import { readJson, sendJson } from './http.ts';
import { deleteBucketObjects } from './object-store.ts';
import { parseSizeLimit, validateAllowedMimeTypes, validateBucketName } from './validate.ts';

const SORT_COLUMNS = ['id', 'name', 'created_at', 'updated_at'] as const;

function integerParam(ctx: RequestContext, name: string, minimum: number): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw errors.invalidParameter(name);
  return value;
}

function listOptions(ctx: RequestContext): BucketListOptions {
  const sortColumn = ctx.query.get('sortColumn') ?? 'name';
  const sortOrder = ctx.query.get('sortOrder') ?? 'asc';
  if (!(SORT_COLUMNS as readonly string[]).includes(sortColumn)) throw errors.invalidParameter('sortColumn');
  if (sortOrder !== 'asc' && sortOrder !== 'desc') throw errors.invalidParameter('sortOrder');
  return {
    limit: integerParam(ctx, 'limit', 1),
    offset: integerParam(ctx, 'offset', 0),
    sortColumn: sortColumn as BucketListOptions['sortColumn'],
    sortOrder,
    search: ctx.query.get('search') || undefined,
  };
}

/** The settings a create/update body carries; absent keys stay undefined, `null` clears. */
function bucketSettings(ctx: RequestContext, body: Record<string, unknown>): BucketSettings {
  if (body.public !== undefined && typeof body.public !== 'boolean') throw errors.invalidParameter('public');
  const fileSizeLimit = parseSizeLimit(body.file_size_limit);
  if (fileSizeLimit && fileSizeLimit > ctx.services.globalFileSizeLimit) throw errors.entityTooLarge();
  return {
    public: body.public as boolean | undefined,
    file_size_limit: fileSizeLimit,
    allowed_mime_types: validateAllowedMimeTypes(body.allowed_mime_types),
  };
}

export const listBucketsRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const options = listOptions(ctx);
  const buckets = await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => listBuckets(db, options));
  sendJson(ctx.res, 200, buckets);
};

export const getBucketRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const id = requireParam(ctx, 'bucket');
  const bucket = await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => findBucket(db, id));
  sendJson(ctx.res, 200, bucket);
};

export const createBucketRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const body = await readJson(ctx.req);
  const name = validateBucketName(body.name);
  const id = body.id === undefined || body.id === '' ? name : validateBucketName(body.id);
  if (body.type !== undefined && body.type !== null && body.type !== 'STANDARD') {
    throw new StorageError(409, 'FeatureNotEnabled', `Bucket type ${String(body.type)} is not available locally`);
  }
  const settings = bucketSettings(ctx, body);
  await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) =>
    insertBucket(db, { id, name, owner: caller.sub, ...settings }),
  );
  sendJson(ctx.res, 200, { name });
};

export const updateBucketRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const id = validateBucketName(requireParam(ctx, 'bucket'));
  const body = await readJson(ctx.req);
  const settings = bucketSettings(ctx, body);
  if (Object.values(settings).every((value) => value === undefined)) throw errors.noContent();
  await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => updateBucket(db, id, settings));
  sendJson(ctx.res, 200, { message: 'Successfully updated' });
};

/**
 * Deletes every object the caller may delete (their bytes after the commit). Supabase empties
 * with its own rights; here object RLS decides, so policies keep protecting objects.
 */
export const emptyBucketRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const id = requireParam(ctx, 'bucket');
  const versions = await ctx.services.db.asCaller(scopeFor(ctx, caller), async (db) => {
    await findBucket(db, id);
    return deleteBucketObjects(db, id);
  });
  await ctx.services.blobs.remove(versions);
  sendJson(ctx.res, 200, { message: 'Successfully emptied' });
};

export const deleteBucketRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const id = requireParam(ctx, 'bucket');
  await findBucket(ctx.services.db.admin, id);
  if (await bucketHasObjects(ctx.services.db.admin, id)) throw errors.bucketNotEmpty();
  const deleted = await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => deleteBucketRow(db, id));
  if (!deleted) throw errors.noSuchBucket();
  sendJson(ctx.res, 200, { message: 'Successfully deleted' });
};
