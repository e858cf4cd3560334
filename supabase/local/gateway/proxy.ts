import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/** Hop-by-hop headers are never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'proxy-connection',
]);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function forwardableHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  }
  return out;
}

export class BodyTooLargeError extends Error {}

export interface ProxyTarget {
  port: number;
  path: string;
  headers: IncomingHttpHeaders;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Headers added to the response (CORS, request id). */
  responseHeaders: Record<string, string>;
}

/**
 * Streams a request to the upstream and its response back, without buffering either body.
 * Resolves with the response status; rejects with the upstream's connection error.
 */
export function proxyHttp(req: IncomingMessage, res: ServerResponse, target: ProxyTarget): Promise<number> {
  return new Promise((resolve, reject) => {
    const upstream = http.request({
      host: '127.0.0.1',
      port: target.port,
      method: req.method,
      path: target.path,
      headers: target.headers,
      agent,
      timeout: target.timeoutMs,
    });
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > target.maxBodyBytes) {
        req.unpipe(upstream);
        upstream.destroy(new BodyTooLargeError());
      }
    });
    // A client that goes away before its answer is complete (e.g. a cancelled upload) must not leave
    // the upstream waiting. (The request stream's own 'close' is no such signal: a client may stop
    // sending once an early answer, like a 413, has arrived.)
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('upstream timed out'), { code: 'ETIMEDOUT' })));
    upstream.on('error', reject);
    upstream.on('response', (upstreamRes) => {
      const headers = { ...forwardableHeaders(upstreamRes.headers), ...target.responseHeaders };
      res.writeHead(upstreamRes.statusCode ?? 502, headers);
      upstreamRes.pipe(res);
      upstreamRes.on('end', () => resolve(upstreamRes.statusCode ?? 502));
      upstreamRes.on('error', reject);
      res.on('close', () => upstreamRes.destroy());
    });
    req.pipe(upstream);
  });
}

/** Opens a raw TCP tunnel for a WebSocket upgrade, replaying the request line and headers upstream. */
export function tunnelUpgrade(
  req: IncomingMessage,
  clientSocket: Duplex,
  head: Buffer,
  target: { port: number; path: string; headers: IncomingHttpHeaders },
  onError: (error: Error) => void,
) {
  const upstream = net.connect(target.port, '127.0.0.1');
  upstream.setNoDelay(true);
  upstream.on('connect', () => {
    const lines = [`${req.method} ${target.path} HTTP/1.1`];
    for (const [name, value] of Object.entries(target.headers)) {
      for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${item}`);
    }
    upstream.write(lines.join('\r\n') + '\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(clientSocket);
    clientSocket.pipe(upstream);
  });
  upstream.on('error', (error) => {
    onError(error);
    clientSocket.destroy();
  });
  clientSocket.on('error', () => upstream.destroy());
  clientSocket.on('close', () => upstream.destroy());
  upstream.on('close', () => clientSocket.destroy());
}
