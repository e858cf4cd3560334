import { authenticate } from './auth.ts';
import { findBucket } from './bucket-store.ts';
import { requireParam, scopeFor, type Handler } from './context.ts';
import { errors } from './errors.ts';
import { headerValue, readJson, sendJson } from './http.ts';
import { deleteObjects, findObject, renameObject } from './object-store.ts';
import { copyObject, storeUpload } from './uploads.ts';
import { optionalString, readableKey, requireString, stringList, validateKey } from './validate.ts';

const MAX_OBJECTS_PER_REQUEST = 1000;

/** POST uploads (upsert only with `x-upsert: true`); PUT always replaces (Supabase's update). */
const upload =
  (alwaysUpsert: boolean): Handler =>
  async (ctx) => {
    const caller = await authenticate(ctx.req, false);
    const bucketId = requireParam(ctx, 'bucket');
    const key = ctx.params.key ?? '';
    const upsert = alwaysUpsert || headerValue(ctx.req, 'x-upsert') === 'true';
    const id = await storeUpload(ctx.services, scopeFor(ctx, caller), ctx.req, {
      bucketId,
      key,
      upsert,
      owner: caller.sub,
    });
    sendJson(ctx.res, 200, { Id: id, Key: `${bucketId}/${key}` });
  };

export const uploadRoute = upload(false);
export const updateRoute = upload(true);

/** Deletes the listed objects the caller may delete and returns their rows. */
export const removeManyRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const bucketId = requireParam(ctx, 'bucket');
  const names = stringList(await readJson(ctx.req), 'prefixes', MAX_OBJECTS_PER_REQUEST);
  const removed = await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => deleteObjects(db, bucketId, names));
  await ctx.services.blobs.remove(removed.map((row) => row.version));
  sendJson(ctx.res, 200, removed);
};

/** Deletes one object: NoSuchKey when it does not exist, AccessDenied when RLS keeps it. */
export const removeOneRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const bucketId = requireParam(ctx, 'bucket');
  const key = readableKey(ctx.params.key);
  await findObject(ctx.services.db.admin, bucketId, key);
  const removed = await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => deleteObjects(db, bucketId, [key]));
  if (removed.length === 0) throw errors.accessDenied();
  await ctx.services.blobs.remove(removed.map((row) => row.version));
  sendJson(ctx.res, 200, { message: 'Successfully deleted' });
};

/** Renames a row (the bytes, stored by version, stay where they are). */
export const moveRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const body = await readJson(ctx.req);
  const bucketId = requireString(body, 'bucketId');
  const source = { bucketId, name: readableKey(requireString(body, 'sourceKey')) };
  const destinationBucket = optionalString(body, 'destinationBucket') ?? bucketId;
  const destination = { bucketId: destinationBucket, name: validateKey(requireString(body, 'destinationKey')) };
  await findBucket(ctx.services.db.admin, bucketId);
  await findBucket(ctx.services.db.admin, destinationBucket);
  await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => renameObject(db, source, destination, caller.sub));
  sendJson(ctx.res, 200, { message: 'Successfully moved' });
};

export const copyRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const body = await readJson(ctx.req);
  const bucketId = requireString(body, 'bucketId');
  const destinationBucket = optionalString(body, 'destinationBucket') ?? bucketId;
  const destinationKey = requireString(body, 'destinationKey');
  const metadataOverride = body.metadata && typeof body.metadata === 'object' ? body.metadata : null;
  const id = await copyObject(ctx.services, scopeFor(ctx, caller), {
    source: { bucketId, key: requireString(body, 'sourceKey') },
    destination: { bucketId: destinationBucket, key: destinationKey },
    upsert: headerValue(ctx.req, 'x-upsert') === 'true',
    owner: caller.sub,
    copyMetadata: body.copyMetadata !== false,
    userMetadata: metadataOverride as Record<string, unknown> | null,
  });
  sendJson(ctx.res, 200, { Id: id, Key: `${destinationBucket}/${destinationKey}`, id, name: destinationKey, bucket_id: destinationBucket });
};
