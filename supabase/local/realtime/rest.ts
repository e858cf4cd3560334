/**
 * Realtime's HTTP API: `POST /api/broadcast` (batch), `POST /api/broadcast/<topic>/events/<event>`
 * (single message, JSON or binary), `GET /api/ping` and `GET /healthcheck`. Broadcasts to private
 * topics need write permission by the caller's RLS policies; without it they are skipped, as in Realtime.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, translateApiKey } from '../keys.ts';
import { REQUEST_ID_HEADER } from '../log.ts';
import { checkWriteAccess } from './authorization.ts';
import type { RealtimeContext } from './context.ts';
import { parseBatch, type BatchMessage } from './rest-payloads.ts';
import { type EncodedPayload, payloadSize } from './protocol/serializer.ts';
import { SETTINGS } from './settings.ts';
import { checkToken, type RealtimeClaims } from './tokens.ts';

const SINGLE_ROUTE = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

function send(res: ServerResponse, status: number, body?: unknown) {
  if (body === undefined) return void res.writeHead(status).end();
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > SETTINGS.maxFrameBytes) throw new HttpError(413, { message: 'Request body too large' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function callerClaims(req: IncomingMessage): Promise<RealtimeClaims> {
  const apikey = req.headers.apikey;
  const token = bearerToken(req.headers.authorization) ?? (typeof apikey === 'string' ? apikey : null);
  const check = await checkToken(token ? translateApiKey(token) : null);
  if (!check.ok) throw new HttpError(401, { message: 'Unauthorized' });
  return check.claims;
}

function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, { message: 'Malformed topic or event in the path' });
  }
}

export function createApiHandler(context: RealtimeContext) {
  async function deliver(claims: RealtimeClaims, messages: BatchMessage[]) {
    const allowedTopics = new Map<string, Promise<boolean>>();
    const mayWriteTo = (subTopic: string) => {
      if (!allowedTopics.has(subTopic)) {
        const check = checkWriteAccess(context.pool, { subTopic, claims, headers: {} }, 'broadcast').catch(() => false);
        allowedTopics.set(subTopic, check);
      }
      return allowedTopics.get(subTopic) as Promise<boolean>;
    };
    for (const message of messages) {
      if (message.isPrivate && !(await mayWriteTo(message.topic))) continue;
      const meta = message.id ? { id: message.id } : undefined;
      context.hub.broadcast({ subTopic: message.topic, isPrivate: message.isPrivate }, { event: message.event, payload: message.payload, meta });
    }
  }

  async function single(req: IncomingMessage, url: URL, topic: string, event: string) {
    const claims = await callerClaims(req);
    const body = await readBody(req);
    const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase();
    let payload: EncodedPayload;
    if (type === 'application/octet-stream') payload = { encoding: 'binary', bytes: body };
    else if (type === 'application/json') payload = { encoding: 'json', text: jsonText(body) };
    else throw new HttpError(415, { message: `Unsupported content type ${type}` });
    if (payloadSize(payload) > SETTINGS.maxPayloadBytes) throw new HttpError(422, { errors: { payload: ['Payload size exceeds tenant limit'] } });
    await deliver(claims, [{ topic, event, payload, isPrivate: url.searchParams.get('private') === 'true' }]);
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL) {
    const singleRoute = SINGLE_ROUTE.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/api/ping') return send(res, 200, { message: 'Success' });
    if (req.method === 'GET' && url.pathname === '/healthcheck') {
      const replication = context.replicationStatus();
      return send(res, replication === 'streaming' ? 200 : 503, { status: replication === 'streaming' ? 'ok' : 'degraded', replication });
    }
    if (req.method === 'POST' && url.pathname === '/api/broadcast') {
      const claims = await callerClaims(req);
      const batch = parseBatch(await readBody(req));
      if (!batch.ok) throw new HttpError(422, { errors: batch.errors });
      await deliver(claims, batch.messages);
      return send(res, 202);
    }
    if (req.method === 'POST' && singleRoute) {
      await single(req, url, pathSegment(singleRoute[1]), pathSegment(singleRoute[2]));
      return send(res, 202);
    }
    send(res, 404, { message: 'not found' });
  }

  return async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://realtime.local');
    try {
      await route(req, res, url);
    } catch (error) {
      if (error instanceof HttpError) send(res, error.status, error.body);
      else {
        context.log.error('request failed', { err: error, path: url.pathname });
        send(res, 500, { message: 'Unknown error' });
      }
    }
    const requestId = req.headers[REQUEST_ID_HEADER];
    context.log.info('request', {
      method: req.method,
      path: url.pathname,
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
      [REQUEST_ID_HEADER]: requestId,
    });
  };
}

function jsonText(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    if (text.trim() === '') throw new Error('empty');
    JSON.parse(text);
    return text;
  } catch {
    throw new HttpError(422, { errors: { payload: ["can't be blank or invalid JSON"] } });
  }
}
