import postgres from 'postgres';
import { z } from 'zod';
import { corsHeaders } from '../_shared/cors.ts';
import { HttpError, json, requireEnv, serve } from '../_shared/http.ts';

/**
 * Health of the function runtime and its database (verify_jwt = false: probes carry no token).
 *   GET /health         → {status, time, region, db}; 503 when the database is unreachable
 *   GET /health/live    → liveness only, never touches the database
 *   GET /health/stream  → the same snapshot as Server-Sent Events (?count=1..100, ?interval_ms=50..60000)
 */
const DB_TIMEOUT_MS = 3000;
const region = () => Deno.env.get('SB_REGION') ?? 'local';

let sql: postgres.Sql | undefined;
async function databaseReachable(): Promise<boolean> {
  sql ??= postgres(requireEnv('SUPABASE_DB_URL'), { max: 1, idle_timeout: 30, connect_timeout: 3, prepare: false });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), DB_TIMEOUT_MS));
  try {
    await Promise.race([sql`select 1`, timeout]);
    return true;
  } catch (error) {
    console.error('database health check failed', error);
    return false;
  }
}

async function snapshot() {
  const db = await databaseReachable();
  return { status: db ? 'ok' : 'degraded', time: new Date().toISOString(), region: region(), db };
}

const streamParams = z.object({
  count: z.coerce.number().int().min(1).max(100).default(10),
  interval_ms: z.coerce.number().int().min(50).max(60_000).default(1000),
});

function eventStream(url: URL): Response {
  const parsed = streamParams.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new HttpError(400, 'invalid_parameters', 'count must be 1-100 and interval_ms 50-60000');
  const { count, interval_ms } = parsed.data;
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (let sent = 0; sent < count; sent++) {
        if (sent > 0) await new Promise((resolve) => (timer = setTimeout(resolve, interval_ms)));
        controller.enqueue(encoder.encode(`id: ${sent + 1}\nevent: health\ndata: ${JSON.stringify(await snapshot())}\n\n`));
      }
      controller.close();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
  return new Response(body, {
    headers: { ...corsHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' },
  });
}

serve(async (req) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'Use GET');
  const url = new URL(req.url);
  const route = url.pathname.replace(/^\/health/, '').replace(/\/$/, '');
  if (route === '') {
    const health = await snapshot();
    return json(health, health.db ? 200 : 503);
  }
  if (route === '/live') return json({ status: 'ok', time: new Date().toISOString(), region: region() });
  if (route === '/stream') return eventStream(url);
  throw new HttpError(404, 'not_found', `No route ${url.pathname}`);
});
