import { corsHeaders, preflight } from './cors.ts';

/** An error the caller caused or may see: becomes `{code, message}` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON response with CORS headers. */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json', ...Object.fromEntries(new Headers(headers)) },
  });
}

export function errorResponse(status: number, code: string, message: string): Response {
  return json({ code, message }, status);
}

/** Reads a JSON body or fails with a 400 the caller can act on. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new HttpError(400, 'invalid_json', 'Request body must be valid JSON');
  }
}

/** Reads a required environment variable, failing loudly when the deployment lacks it. */
export function requireEnv(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

type Handler = (req: Request) => Response | Promise<Response>;

/**
 * Serves a handler with the house rules: CORS preflights answered, HttpErrors turned into
 * `{code, message}` responses, anything else logged and reported as a 500 without details.
 */
export function serve(handler: Handler): void {
  Deno.serve(async (req) => {
    const early = preflight(req);
    if (early) return early;
    try {
      return await handler(req);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
      console.error('unhandled error', error);
      return errorResponse(500, 'internal_error', 'The function failed; see its logs');
    }
  });
}

/** The `?batch=N` of a queue-draining job: a whole number from 1 to `max`, `fallback` when absent. */
export function batchSizeParam(req: Request, fallback: number, max: number): number {
  const batch = Number(new URL(req.url).searchParams.get('batch') ?? fallback);
  if (!Number.isInteger(batch) || batch < 1 || batch > max) {
    throw new HttpError(400, 'invalid_request', `batch must be a whole number from 1 to ${max}`);
  }
  return batch;
}
