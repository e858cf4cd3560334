import { authenticate, serviceCaller } from './auth.ts';
import { findBucket } from './bucket-store.ts';
import { requireParam, scopeFor, type Handler } from './context.ts';
import { sendObject } from './download.ts';
import { headerValue, readJson, sendJson } from './http.ts';
import { findObject, visibleNames } from './object-store.ts';
import { signObjectToken, SIGNED_UPLOAD_LIFETIME_SECONDS, verifyObjectToken } from './signed-tokens.ts';
import { storeUpload, testUploadPermission } from './uploads.ts';
import { readableKey, stringList, validateExpiresIn, validateKey } from './validate.ts';

const MAX_PATHS = 1000;
const NOT_VISIBLE = 'Either the object does not exist or you do not have access to it';

/** A download URL for one object the caller can read (the URL needs no JWT afterwards). */
export const signOneRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const bucketId = requireParam(ctx, 'bucket');
  const key = readableKey(ctx.params.key);
  const expiresIn = validateExpiresIn((await readJson(ctx.req)).expiresIn);
  await findBucket(ctx.services.db.admin, bucketId);
  await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => findObject(db, bucketId, key));
  const url = `${bucketId}/${key}`;
  const token = await signObjectToken({ url, scope: 'download' }, expiresIn);
  sendJson(ctx.res, 200, { signedURL: `/object/sign/${url}?token=${token}` });
};

/** Download URLs for many paths; the ones the caller cannot read get an error entry instead. */
export const signManyRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const bucketId = requireParam(ctx, 'bucket');
  const body = await readJson(ctx.req);
  const expiresIn = validateExpiresIn(body.expiresIn);
  const paths = stringList(body, 'paths', MAX_PATHS);
  const visible = await ctx.services.db.asCaller(scopeFor(ctx, caller), (db) => visibleNames(db, bucketId, paths));
  const entries = await Promise.all(
    paths.map(async (path) => {
      if (!visible.has(path)) return { error: NOT_VISIBLE, path, signedURL: null };
      const url = `${bucketId}/${path}`;
      const token = await signObjectToken({ url, scope: 'download' }, expiresIn);
      return { error: null, path, signedURL: `/object/sign/${url}?token=${token}` };
    }),
  );
  sendJson(ctx.res, 200, entries);
};

export const signedDownloadRoute: Handler = async (ctx) => {
  const bucketId = requireParam(ctx, 'bucket');
  const key = readableKey(ctx.params.key);
  await verifyObjectToken(ctx.query.get('token'), `${bucketId}/${key}`, 'download');
  await sendObject(ctx, () => findObject(ctx.services.db.admin, bucketId, key));
};

/** Checks the caller may create the object now; the upload itself later needs only the token. */
export const signUploadRoute: Handler = async (ctx) => {
  const caller = await authenticate(ctx.req, false);
  const bucketId = requireParam(ctx, 'bucket');
  const key = validateKey(ctx.params.key);
  const upsert = headerValue(ctx.req, 'x-upsert') === 'true';
  await findBucket(ctx.services.db.admin, bucketId);
  const draft = { bucketId, name: key, owner: caller.sub, metadata: {} };
  await testUploadPermission(ctx.services, scopeFor(ctx, caller), draft, upsert);
  const url = `${bucketId}/${key}`;
  const token = await signObjectToken(
    { url, scope: 'upload', owner: caller.sub, upsert },
    SIGNED_UPLOAD_LIFETIME_SECONDS,
  );
  sendJson(ctx.res, 200, { url: `/object/upload/sign/${url}?token=${token}`, token });
};

/** Runs with elevated rights and records the signer as owner, as Supabase does. */
export const uploadSignedRoute: Handler = async (ctx) => {
  const bucketId = requireParam(ctx, 'bucket');
  const key = validateKey(ctx.params.key);
  const claims = await verifyObjectToken(ctx.query.get('token'), `${bucketId}/${key}`, 'upload');
  const scope = scopeFor(ctx, serviceCaller(claims.owner));
  await storeUpload(ctx.services, scope, ctx.req, { bucketId, key, upsert: claims.upsert === true, owner: claims.owner });
  sendJson(ctx.res, 200, { Key: `${bucketId}/${key}` });
};
