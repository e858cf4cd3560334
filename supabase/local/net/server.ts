import pg from 'pg';
import { createLogger } from '../log.ts';
import { listenForChanges, serialized } from '../pg-listener.ts';
import type { RunningService, StackContext } from '../service.ts';
import { storeProjectSecrets } from './project-secrets.ts';
import { sendRequest, type QueuedRequest, type RequestOutcome } from './send-request.ts';

const log = createLogger('net');
/** Safety net for requests whose notification was missed (e.g. while the listener reconnected). */
const POLL_INTERVAL_MS = 2_000;
/** pg_net's `pg_net.batch_size` and `pg_net.ttl` defaults. */
const BATCH_SIZE = 200;
const RESPONSE_TTL = '6 hours';
/** Expired responses are swept at most this often, not on every wake-up. */
const EXPIRY_INTERVAL_MS = 60_000;

const TAKE_BATCH = `
  delete from net.http_request_queue
  where id in (select id from net.http_request_queue order by id limit $1 for update skip locked)
  returning id::text, method, url, headers, body, timeout_milliseconds`;

const RECORD_OUTCOMES = `
  insert into net._http_response (id, status_code, content_type, headers, content, timed_out, error_msg)
  select id, status_code, content_type, headers, content, timed_out, error_msg
  from jsonb_to_recordset($1::jsonb) as r(id bigint, status_code integer, content_type text, headers jsonb,
    content text, timed_out boolean, error_msg text)`;

async function extensionInstalled(db: pg.Pool): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>(`select to_regclass('net.http_request_queue') is not null as present`);
  return rows[0].present;
}

/** Sends every queued request (in batches) and records the responses. */
async function drainQueue(db: pg.Pool) {
  for (;;) {
    const { rows } = await db.query<QueuedRequest>(TAKE_BATCH, [BATCH_SIZE]);
    if (rows.length === 0) return;
    const outcomes: RequestOutcome[] = await Promise.all(rows.map(sendRequest));
    await db.query(RECORD_OUTCOMES, [JSON.stringify(outcomes)]);
    for (const outcome of outcomes.filter((o) => o.error_msg)) log.warn('pg_net request failed', { id: outcome.id, err: outcome.error_msg });
  }
}

/**
 * pg_net's background worker for the local stack: sends the rows of net.http_request_queue (once the
 * extension exists) as soon as `pg_net_requests` is notified, and stores each response in net._http_response.
 */
export async function startNet(ctx: StackContext): Promise<RunningService> {
  const db = new pg.Pool({ connectionString: ctx.databaseUrl, max: 2, application_name: 'pg_net worker' });
  db.on('error', (err) => log.warn('idle pg_net connection failed', { err: err.message }));
  await storeProjectSecrets(db, ctx.config.api.url);
  let expiredAt = 0;
  const drain = serialized(async () => {
    try {
      if (!(await extensionInstalled(db))) return;
      if (Date.now() - expiredAt > EXPIRY_INTERVAL_MS) {
        await db.query(`delete from net._http_response where created < now() - $1::interval`, [RESPONSE_TTL]);
        expiredAt = Date.now();
      }
      await drainQueue(db);
    } catch (err) {
      log.warn('could not process pg_net requests', { err: (err as Error).message });
    }
  });
  await drain();
  const listener = await listenForChanges(ctx.databaseUrl, 'pg_net_requests', drain, log);
  const poll = setInterval(drain, POLL_INTERVAL_MS);
  log.info('pg_net worker ready');
  return {
    name: 'net',
    async stop() {
      clearInterval(poll);
      await listener.close();
      await drain();
      await db.end();
    },
  };
}
