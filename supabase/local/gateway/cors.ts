import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = [
  'authorization', 'apikey', 'content-type', 'x-client-info', 'x-supabase-api-version', 'accept-profile',
  'content-profile', 'prefer', 'range', 'x-upsert', 'cache-control', 'x-metadata', 'content-encoding',
  'x-region', 'x-retry-count', 'traceparent', 'tracestate', 'baggage', 'accept', 'x-request-id',
].join(', ');

const EXPOSED_HEADERS = [
  'Content-Range', 'X-Total-Count', 'Link', 'X-Supabase-Api-Version', 'Content-Type', 'Content-Length',
  'Content-Disposition', 'ETag', 'Location', 'x-relay-error', 'x-sb-error-code', 'X-Request-Id', 'Preference-Applied',
].join(', ');

/** CORS headers every real response carries. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

/** Answers a CORS preflight at the gateway, for every route. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, requestId: string) {
  res.writeHead(204, {
    ...corsHeaders(req),
    'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? ALLOWED_HEADERS,
    'access-control-max-age': '3600',
    'x-request-id': requestId,
  });
  res.end();
}
