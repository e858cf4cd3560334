import * as buckets from './bucket-routes.ts';
import type { Handler } from './context.ts';
import { errors } from './errors.ts';
import { sendJson } from './http.ts';
import * as reads from './object-read-routes.ts';
import * as signed from './signed-routes.ts';
import * as writes from './object-write-routes.ts';

interface Route {
  methods: string[];
  /** Segments: literals, `:bucket` (one segment) and a trailing `*` (the object key). */
  pattern: string[];
  /** Supabase's operation name (visible to policies as `storage.operation`). */
  operation: string;
  handler: Handler;
}

export interface RouteMatch {
  handler: Handler;
  operation: string;
  params: { bucket?: string; key?: string };
}

const health: Handler = async (ctx) => sendJson(ctx.res, 200, { status: 'ok' });

const GET_HEAD = ['GET', 'HEAD'];
const table: [string[], string, string, Handler][] = [
  [GET_HEAD, '/status', 'storage.health', health],
  [GET_HEAD, '/health', 'storage.health', health],
  [['GET'], '/bucket', 'storage.bucket.list', buckets.listBucketsRoute],
  [['POST'], '/bucket', 'storage.bucket.create', buckets.createBucketRoute],
  [['POST'], '/bucket/:bucket/empty', 'storage.bucket.empty', buckets.emptyBucketRoute],
  [['GET'], '/bucket/:bucket', 'storage.bucket.get', buckets.getBucketRoute],
  [['PUT'], '/bucket/:bucket', 'storage.bucket.update', buckets.updateBucketRoute],
  [['DELETE'], '/bucket/:bucket', 'storage.bucket.delete', buckets.deleteBucketRoute],
  [['POST'], '/object/list/:bucket', 'storage.object.list', reads.listRoute],
  [['POST'], '/object/move', 'storage.object.move', writes.moveRoute],
  [['POST'], '/object/copy', 'storage.object.copy', writes.copyRoute],
  [['POST'], '/object/sign/:bucket', 'storage.object.sign_many', signed.signManyRoute],
  [['POST'], '/object/sign/:bucket/*', 'storage.object.sign', signed.signOneRoute],
  [GET_HEAD, '/object/sign/:bucket/*', 'storage.object.get_signed', signed.signedDownloadRoute],
  [['POST'], '/object/upload/sign/:bucket/*', 'storage.object.sign_upload_url', signed.signUploadRoute],
  [['PUT'], '/object/upload/sign/:bucket/*', 'storage.object.upload_signed', signed.uploadSignedRoute],
  [GET_HEAD, '/object/public/:bucket/*', 'storage.object.get_public', reads.publicDownloadRoute],
  [GET_HEAD, '/object/authenticated/:bucket/*', 'storage.object.get_authenticated', reads.authenticatedDownloadRoute],
  [['GET'], '/object/info/public/:bucket/*', 'storage.object.info_public', reads.publicInfoRoute],
  [['GET'], '/object/info/authenticated/:bucket/*', 'storage.object.info_authenticated', reads.authenticatedInfoRoute],
  [['GET'], '/object/info/:bucket/*', 'storage.object.info_authenticated', reads.infoRoute],
  // Image transformation is a paid Cloud feature: the local stack serves the original image.
  [GET_HEAD, '/render/image/public/:bucket/*', 'storage.render.image_public', reads.publicDownloadRoute],
  [GET_HEAD, '/render/image/authenticated/:bucket/*', 'storage.render.image_authenticated', reads.authenticatedDownloadRoute],
  [GET_HEAD, '/render/image/sign/:bucket/*', 'storage.render.image_sign', signed.signedDownloadRoute],
  [GET_HEAD, '/object/:bucket/*', 'storage.object.get_authenticated', reads.downloadRoute],
  [['POST'], '/object/:bucket/*', 'storage.object.upload', writes.uploadRoute],
  [['PUT'], '/object/:bucket/*', 'storage.object.upload_update', writes.updateRoute],
  [['DELETE'], '/object/:bucket', 'storage.object.delete_many', writes.removeManyRoute],
  [['DELETE'], '/object/:bucket/*', 'storage.object.delete', writes.removeOneRoute],
];

const ROUTES: Route[] = table.map(([methods, path, operation, handler]) => ({
  methods,
  pattern: path.split('/').slice(1),
  operation,
  handler,
}));

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw errors.invalidRequest('Malformed percent-encoding in the path');
  }
}

function matchPattern(pattern: string[], segments: string[]): RouteMatch['params'] | null {
  const params: RouteMatch['params'] = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i];
    if (part === '*') {
      if (i >= segments.length) return null;
      params.key = segments.slice(i).map(decodeSegment).join('/');
      return params;
    }
    if (i >= segments.length) return null;
    if (part === ':bucket') params.bucket = decodeSegment(segments[i]);
    else if (part !== segments[i]) return null;
  }
  return segments.length === pattern.length ? params : null;
}

/** Finds the handler for a method and raw (still percent-encoded) path. */
export function matchRoute(method: string, rawPath: string): RouteMatch {
  const segments = rawPath.split('/').slice(1);
  for (const route of ROUTES) {
    if (!route.methods.includes(method)) continue;
    const params = matchPattern(route.pattern, segments);
    if (params) return { handler: route.handler, operation: route.operation, params };
  }
  throw errors.routeNotFound(method, rawPath);
}
