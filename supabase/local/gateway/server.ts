import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { translateApiKey } from '../keys.ts';
import { createLogger, REQUEST_ID_HEADER } from '../log.ts';
import type { RunningService, StackContext } from '../service.ts';
import { checkApiKey, findApiKey, upstreamAuthorization } from './api-keys.ts';
import { answerPreflight, corsHeaders } from './cors.ts';
import { BodyTooLargeError, forwardableHeaders, proxyHttp, tunnelUpgrade } from './proxy.ts';
import { resolveRoute, type Route } from './routes.ts';
import { unfilteredWriteError } from './safe-update.ts';

const log = createLogger('gateway');

function sendJson(res: ServerResponse, status: number, body: object, headers: Record<string, string>) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function upstreamHeaders(req: IncomingMessage, route: Route, apiKey: string | null, requestId: string) {
  const headers: IncomingHttpHeaders = forwardableHeaders(req.headers);
  if (route.translatesAuthorization) {
    const authorization = upstreamAuthorization(req.headers.authorization, apiKey);
    if (authorization) headers.authorization = authorization;
    else delete headers.authorization;
  }
  const remote = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${remote}` : remote;
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  headers[REQUEST_ID_HEADER] = requestId;
  return headers;
}

/** What a stopped or failing upstream looks like to clients: a readable 503/504, never a hang. */
function upstreamFailure(error: NodeJS.ErrnoException, route: Route): { status: number; body: object } {
  if (error instanceof BodyTooLargeError) {
    return { status: 413, body: { message: 'Request Entity Too Large', hint: `${route.service} accepts at most ${route.maxBodyBytes} bytes.` } };
  }
  if (error.code === 'ETIMEDOUT') {
    return { status: 504, body: { message: `The ${route.service} service did not answer in time.` } };
  }
  return {
    status: 503,
    body: { message: `The ${route.service} service is unavailable.`, hint: `Is the local stack running? (${error.code ?? error.message})` },
  };
}

async function handleRequest(req: IncomingMessage, res: ServerResponse) {
  const requestId = (req.headers[REQUEST_ID_HEADER] as string | undefined) ?? randomUUID();
  const started = performance.now();
  const baseHeaders = { ...corsHeaders(req), [REQUEST_ID_HEADER]: requestId };
  const url = new URL(req.url ?? '/', 'http://gateway');
  const route = resolveRoute(url.pathname + url.search);
  let status = 0;
  try {
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res, requestId);
      status = 204;
    } else if (!route) {
      status = 404;
      sendJson(res, 404, { message: 'no Route matched with those values' }, baseHeaders);
    } else {
      status = await forward(req, res, route, url, requestId, baseHeaders);
    }
  } finally {
    log.info('request', {
      request_id: requestId,
      method: req.method,
      path: url.pathname,
      upstream: route?.service ?? null,
      status: status || res.statusCode,
      duration_ms: Math.round(performance.now() - started),
    });
  }
}

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  route: Route,
  url: URL,
  requestId: string,
  baseHeaders: Record<string, string>,
): Promise<number> {
  const key = checkApiKey(findApiKey(req.headers, url), route.requiresApiKey);
  if (!key.ok) {
    sendJson(res, key.status, key.body, baseHeaders);
    return key.status;
  }
  const declaredLength = Number(req.headers['content-length'] ?? 0);
  const refusal =
    declaredLength > route.maxBodyBytes
      ? { status: 413, body: { message: 'Request Entity Too Large', hint: `${route.service} accepts at most ${route.maxBodyBytes} bytes.` } }
      : null;
  const unsafe = unfilteredWriteError(req.method ?? 'GET', route.service, new URL(route.upstreamPath, 'http://x'));
  if (refusal || unsafe) {
    const status = refusal?.status ?? 400;
    sendJson(res, status, refusal?.body ?? unsafe!, baseHeaders);
    req.resume();
    return status;
  }
  try {
    return await proxyHttp(req, res, {
      port: route.port,
      path: withoutApiKeyParam(route),
      headers: upstreamHeaders(req, route, key.apiKey, requestId),
      timeoutMs: route.timeoutMs,
      maxBodyBytes: route.maxBodyBytes,
      responseHeaders: baseHeaders,
    });
  } catch (error) {
    const failure = upstreamFailure(error as NodeJS.ErrnoException, route);
    sendJson(res, failure.status, failure.body, baseHeaders);
    req.resume();
    return failure.status;
  }
}

/**
 * Like Kong's key-auth with hide_credentials, the apikey query parameter is not passed on (PostgREST
 * would read it as a filter); Realtime's REST API keeps it, as realtime-js relies on it.
 */
function withoutApiKeyParam(route: Route): string {
  const [pathname, query] = route.upstreamPath.split(/\?(.*)/s, 2);
  if (route.service === 'realtime' || !query) return route.upstreamPath;
  // Filter the raw query rather than re-serializing it: PostgREST filters must reach it byte for byte.
  const kept = query.split('&').filter((part) => !part.startsWith('apikey='));
  return kept.length ? `${pathname}?${kept.join('&')}` : pathname;
}

function refuseUpgrade(socket: Duplex, status: number, body: object) {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}

function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
  const requestId = randomUUID();
  const url = new URL(req.url ?? '/', 'http://gateway');
  const route = resolveRoute(url.pathname + url.search);
  if (!route || route.service !== 'realtime') {
    refuseUpgrade(socket, 404, { message: 'no Route matched with those values' });
    return;
  }
  const apiKey = findApiKey(req.headers, url);
  const key = checkApiKey(apiKey, true);
  if (!key.ok) {
    refuseUpgrade(socket, key.status, key.body);
    return;
  }
  const upstreamUrl = new URL(route.upstreamPath, 'http://realtime');
  upstreamUrl.searchParams.set('apikey', translateApiKey(apiKey!));
  const headers = { ...req.headers, [REQUEST_ID_HEADER]: requestId, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
  log.info('websocket', { request_id: requestId, path: url.pathname, upstream: 'realtime' });
  tunnelUpgrade(req, socket, head, { port: route.port, path: upstreamUrl.pathname + upstreamUrl.search, headers }, (error) =>
    log.warn('websocket upstream failed', { request_id: requestId, err: error }),
  );
}

/** The API gateway on [api] port: Supabase's routes, key rules, CORS and streaming pass-through. */
export async function startGateway(ctx: StackContext): Promise<RunningService> {
  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch((err) => {
      log.error('gateway failure', { err });
      sendJson(res, 500, { message: 'Gateway error' }, corsHeaders(req));
    });
  });
  server.on('upgrade', handleUpgrade);
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ctx.config.api.port, '127.0.0.1', () => resolve());
  });
  return {
    name: 'gateway',
    url: ctx.config.api.url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
