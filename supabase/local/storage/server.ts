import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { DATA_DIR, INTERNAL_PORTS } from '../config.ts';
import { createLogger, REQUEST_ID_HEADER } from '../log.ts';
import type { RunningService, StackContext } from '../service.ts';
import { BlobStore } from './blobs.ts';
import { syncConfiguredBuckets } from './config-buckets.ts';
import type { StorageServices } from './context.ts';
import { StorageDatabase } from './db.ts';
import { StorageError, toStorageError } from './errors.ts';
import { headerValue, sendError } from './http.ts';
import { matchRoute } from './routes.ts';

const log = createLogger('storage');

/** Where object bytes live: `<DATA_DIR>/storage`. */
export const STORAGE_DIR = path.join(DATA_DIR, 'storage');

async function handle(services: StorageServices, req: IncomingMessage, res: ServerResponse) {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://storage');
  const requestId = headerValue(req, REQUEST_ID_HEADER);
  try {
    const route = matchRoute(req.method ?? 'GET', url.pathname);
    await route.handler({
      req,
      res,
      services,
      params: route.params,
      query: url.searchParams,
      path: url.pathname,
      operation: route.operation,
    });
  } catch (thrown) {
    // A refusal of ours (e.g. a body over the size limit) is answered, not mistaken for a client that
    // went away.
    if (!(thrown instanceof StorageError) && !req.complete && (req.destroyed || req.errored)) {
      log.info('request aborted by the client', { request_id: requestId, path: url.pathname });
      res.statusCode = 499; // nginx's "client closed request", for the request log line
      res.destroy();
      return;
    }
    const error = toStorageError(thrown);
    if (error.httpStatus === 500) log.error('request failed', { request_id: requestId, err: thrown });
    sendError(req, res, error);
  } finally {
    // Object paths may name files; the query (signed tokens) is never logged.
    log.info('request', {
      request_id: requestId,
      method: req.method,
      path: url.pathname,
      status: res.statusCode,
      duration_ms: Math.round(performance.now() - started),
    });
  }
}

/** Supabase Storage's HTTP API on 127.0.0.1:INTERNAL_PORTS.storage (the gateway serves it at /storage/v1). */
export async function startStorage(ctx: StackContext): Promise<RunningService> {
  const db = new StorageDatabase(ctx.databaseUrlFor('supabase_storage_admin'));
  const blobs = new BlobStore(STORAGE_DIR);
  const services: StorageServices = {
    db,
    blobs,
    globalFileSizeLimit: ctx.config.storage.fileSizeLimit,
  };
  try {
    await blobs.prepare();
    const configured = await syncConfiguredBuckets(services, ctx.config);
    if (configured.length) log.info('buckets from config.toml', { buckets: configured });
  } catch (error) {
    await db.end();
    throw error;
  }
  const server = http.createServer((req, res) => void handle(services, req, res));
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(INTERNAL_PORTS.storage, '127.0.0.1', () => resolve());
  });
  return {
    name: 'storage',
    url: `http://127.0.0.1:${INTERNAL_PORTS.storage}`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.end();
    },
  };
}
