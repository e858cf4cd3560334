import { pipeline } from 'node:stream/promises';
import { safeContentHeaders } from './content-safety.ts';
import type { RequestContext } from './context.ts';
import { errors } from './errors.ts';
import { headerValue } from './http.ts';
import type { ObjectRow } from './object-store.ts';

interface ByteRange {
  start: number;
  end: number;
}

/** A single `bytes=` range; null for none or forms we do not serve partially; 'unsatisfiable' past the end. */
function parseRange(header: string | undefined, size: number | undefined): ByteRange | null | 'unsatisfiable' {
  const match = header && size !== undefined ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || size === undefined || (match[1] === '' && match[2] === '')) return null;
  const start = match[1] === '' ? Math.max(size - Number(match[2]), 0) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function objectHeaders(ctx: RequestContext, object: ObjectRow): Record<string, string> {
  const metadata = object.metadata ?? {};
  const mimeType = metadata.mimetype ?? 'application/octet-stream';
  const download = ctx.query.has('download') ? (ctx.query.get('download') ?? '') : null;
  const headers: Record<string, string> = {
    'content-type': mimeType,
    'accept-ranges': 'bytes',
    'last-modified': new Date(metadata.lastModified ?? object.updated_at).toUTCString(),
    'cache-control': metadata.cacheControl ?? 'no-cache',
    'x-robots-tag': 'none',
    ...safeContentHeaders(mimeType, object.name, download),
  };
  if (metadata.eTag) headers.etag = metadata.eTag;
  return headers;
}

interface ResponsePlan {
  status: 200 | 206 | 304 | 416;
  headers: Record<string, string>;
  range?: ByteRange;
}

function planResponse(ctx: RequestContext, object: ObjectRow): ResponsePlan {
  const size = object.metadata?.size;
  const headers = objectHeaders(ctx, object);
  const etag = headers.etag;
  if (etag && headerValue(ctx.req, 'if-none-match')?.split(/\s*,\s*/).includes(etag)) {
    return { status: 304, headers: { etag, 'cache-control': headers['cache-control'] } };
  }
  const range = parseRange(headerValue(ctx.req, 'range'), size);
  if (range === 'unsatisfiable') return { status: 416, headers: { 'content-range': `bytes */${size}` } };
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['content-length'] = String(range.end - range.start + 1);
    return { status: 206, headers, range };
  }
  if (size !== undefined) headers['content-length'] = String(size);
  return { status: 200, headers };
}

/**
 * Answers GET/HEAD with an object's bytes and headers (ETag revalidation and single ranges
 * included). `load` reads the row; it is read once more if an upsert replaced the bytes meanwhile.
 */
export async function sendObject(ctx: RequestContext, load: () => Promise<ObjectRow>) {
  const { req, res, services } = ctx;
  for (let attempt = 0; attempt < 2; attempt++) {
    const object = await load();
    const plan = planResponse(ctx, object);
    if (plan.status === 304 || plan.status === 416) {
      res.writeHead(plan.status, plan.headers);
      res.end();
      return;
    }
    const stream = await services.blobs.open(object.version, plan.range);
    if (!stream) continue;
    res.writeHead(plan.status, plan.headers);
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    await pipeline(stream, res).catch(() => res.destroy());
    return;
  }
  throw errors.noSuchKey();
}
