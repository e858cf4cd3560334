import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type StorageError } from './errors.ts';

const MAX_JSON_BYTES = 1024 * 1024;
/** How long an unread request body is drained after an early error before the socket is closed. */
const DRAIN_GRACE_MS = 5000;

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Sends an error in Supabase's shape. When the request body was not consumed (an upload refused
 * early), the rest is drained so the client sees the answer, then the connection is closed.
 */
export function sendError(req: IncomingMessage, res: ServerResponse, error: StorageError) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const bodyPending = !req.readableEnded && !req.destroyed;
  if (bodyPending) res.setHeader('connection', 'close');
  if (error.code === 'NoSuchKey') res.setHeader('cache-control', 'no-store');
  sendJson(res, error.httpStatus, error.toBody());
  if (bodyPending) {
    const timer = setTimeout(() => req.destroy(), DRAIN_GRACE_MS);
    req.on('end', () => clearTimeout(timer));
    req.on('close', () => clearTimeout(timer));
    req.resume();
  }
}

/** Reads a JSON request body (at most 1 MiB); an empty body reads as `{}`. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw errors.entityTooLarge('request body');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.invalidRequest('Body is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw errors.invalidRequest('Body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
