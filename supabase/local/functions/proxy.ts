import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import type { FunctionWorker } from './worker.ts';

/** Headers that describe one hop, not the message (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/** A fresh connection per request: no idle socket can be reused after its worker restarted. */
const noKeepAlive = new http.Agent({ keepAlive: false });

export const WORKER_ERROR = { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' };
export const BOOT_ERROR = { code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' };

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Forwards the request to the worker with its path kept (`/<slug>/<rest>?q`) and streams both
 * bodies through as they arrive (Server-Sent Events reach the caller event by event). A worker
 * that dies before answering yields 500 WORKER_ERROR; one that dies mid-stream cuts the stream.
 */
export function proxyToWorker(req: IncomingMessage, res: ServerResponse, worker: FunctionWorker, log: Logger): Promise<void> {
  const ended = worker.track();
  return new Promise<void>((resolve) => {
    const upstream = http.request({
      host: '127.0.0.1',
      port: worker.port,
      method: req.method,
      path: req.url,
      headers: endToEnd(req.headers),
      agent: noKeepAlive,
    });
    upstream.on('response', (response: IncomingMessage) => {
      res.writeHead(response.statusCode ?? 502, endToEnd(response.headers));
      res.flushHeaders();
      response.pipe(res);
      response.on('error', () => res.destroy());
    });
    upstream.on('error', (err) => {
      log.warn('function request failed', { err: err.message });
      if (!res.headersSent) sendJson(res, 500, WORKER_ERROR);
      else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
      resolve();
    });
    req.pipe(upstream);
  }).finally(ended);
}
