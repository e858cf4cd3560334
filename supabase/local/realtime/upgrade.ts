/**
 * WebSocket upgrades at `/socket/websocket?apikey=…&vsn=…`: the key (query `apikey` or header
 * `x-api-key`) must be a valid JWT with `role` and `exp`, else the upgrade is refused with HTTP 401
 * and `{"error": …}` as Realtime does.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { translateApiKey } from '../keys.ts';
import { REQUEST_ID_HEADER } from '../log.ts';
import { Connection } from './connection.ts';
import type { RealtimeContext } from './context.ts';
import { SUPPORTED_VSNS, type Vsn } from './protocol/serializer.ts';
import { checkToken, upgradeErrorMessage } from './tokens.ts';

export const SOCKET_PATH = '/socket/websocket';

function refuse(socket: Duplex, status: number, statusText: string, error: string) {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** The `x-*` headers of the upgrade request; private-channel policies see them as `request.headers`. */
function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-') && name !== 'x-api-key' && typeof value === 'string') headers[name] = value;
  }
  return headers;
}

export function createUpgradeHandler(wss: WebSocketServer, context: RealtimeContext) {
  return async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://realtime.local');
    if (url.pathname !== SOCKET_PATH) return refuse(socket, 404, 'Not Found', 'not found');
    const vsn = url.searchParams.get('vsn') ?? '1.0.0';
    if (!SUPPORTED_VSNS.includes(vsn as Vsn)) return refuse(socket, 400, 'Bad Request', `Unsupported serializer version: ${vsn}`);
    const header = req.headers['x-api-key'];
    const apiKey = typeof header === 'string' ? header : url.searchParams.get('apikey');
    const check = await checkToken(apiKey ? translateApiKey(apiKey) : null);
    const requestId = req.headers[REQUEST_ID_HEADER];
    if (!check.ok) {
      context.log.info('socket refused', { reason: check.message, [REQUEST_ID_HEADER]: requestId });
      return refuse(socket, 401, 'Unauthorized', upgradeErrorMessage(check));
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      context.log.debug('socket connected', { vsn, role: check.claims.role, [REQUEST_ID_HEADER]: requestId });
      new Connection(ws, vsn as Vsn, { token: check.token, claims: check.claims }, forwardedHeaders(req), context);
    });
  };
}
