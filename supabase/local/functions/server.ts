import { mkdirSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { INTERNAL_PORTS } from '../config.ts';
import { createLogger, REQUEST_ID_HEADER } from '../log.ts';
import type { RunningService, StackContext } from '../service.ts';
import { FUNCTIONS_DIR, SLUG_PATTERN } from './discovery.ts';
import { WorkerPool } from './pool.ts';
import { BOOT_ERROR, proxyToWorker, sendJson } from './proxy.ts';
import { jwtRejection } from './verify-jwt.ts';
import { watchFunctions } from './watch.ts';

const log = createLogger('functions');
const HOST = '127.0.0.1';

function functionSlug(url: string | undefined): string {
  return new URL(url ?? '/', 'http://router').pathname.split('/')[1] ?? '';
}

/** Routes `/<slug>/<rest>` to the function's worker, like `supabase functions serve` (§8). */
async function route(pool: WorkerPool, req: IncomingMessage, res: ServerResponse): Promise<string> {
  const slug = functionSlug(req.url);
  if (slug === '_internal' && req.url === '/_internal/health') {
    sendJson(res, 200, { message: 'ok' });
    return 'health';
  }
  if (SLUG_PATTERN.test(slug) && !pool.spec(slug)) pool.rediscover();
  const spec = slug ? pool.spec(slug) : undefined;
  if (!spec) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Function not found');
    return 'not found';
  }
  if (req.method !== 'OPTIONS' && spec.verifyJwt) {
    const rejection = await jwtRejection(req.headers.authorization);
    if (rejection) {
      sendJson(res, 401, rejection);
      return 'jwt rejected';
    }
  }
  let worker;
  try {
    worker = await pool.worker(spec);
  } catch {
    sendJson(res, 503, BOOT_ERROR);
    return 'boot error';
  }
  await proxyToWorker(req, res, worker, log.child({ function: slug }));
  return 'proxied';
}

function requestHandler(pool: WorkerPool) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    route(pool, req, res)
      .then((outcome) =>
        log.info('request', {
          method: req.method,
          path: req.url,
          status: res.statusCode,
          outcome,
          ms: Math.round(performance.now() - started),
          [REQUEST_ID_HEADER]: req.headers[REQUEST_ID_HEADER],
        }),
      )
      .catch((err: Error) => {
        log.error('request failed', { err, path: req.url });
        if (!res.headersSent) sendJson(res, 500, { code: 'InternalServerError', message: err.message });
        else res.destroy();
      });
  };
}

/**
 * The edge-functions router on INTERNAL_PORTS.functions (the gateway forwards /functions/v1/*
 * here). Each function runs in its own Deno process, started on its first request.
 */
export async function startFunctions(ctx: StackContext): Promise<RunningService> {
  mkdirSync(FUNCTIONS_DIR, { recursive: true });
  const pool = new WorkerPool(ctx, log);
  await pool.init();
  const stopWatching = watchFunctions(
    (name) => pool.spec(name) !== undefined,
    ({ slugs, everything, latestChangeAt }) => {
      if (everything) pool.rediscover();
      pool.restart(everything ? undefined : [...slugs], latestChangeAt);
    },
    log,
  );
  const server = http.createServer({ requestTimeout: 0 }, requestHandler(pool));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(INTERNAL_PORTS.functions, HOST, () => resolve());
  });
  const url = `http://${HOST}:${INTERNAL_PORTS.functions}`;
  log.info('functions router ready', { url, functions: pool.slugs });
  return {
    name: 'functions',
    url,
    async stop() {
      stopWatching();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.stopAll();
    },
  };
}
