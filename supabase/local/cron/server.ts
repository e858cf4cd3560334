import pg from 'pg';
import { createLogger } from '../log.ts';
import type { RunningService, StackContext } from '../service.ts';
import { listenForChanges, serialized } from '../pg-listener.ts';
import { runAndRecord, type Job } from './run-job.ts';
import { CronScheduler } from './scheduler.ts';

const log = createLogger('cron');
/** Safety net for changes no notification announces (e.g. `drop extension pg_cron`). */
const POLL_INTERVAL_MS = 10_000;
const STOP_GRACE_MS = 5_000;

const ACTIVE_JOBS = `
  select jobid::text, jobname, schedule, command, database, username
  from cron.job where active order by jobid`;

async function loadActiveJobs(db: pg.Pool): Promise<Job[]> {
  const { rows } = await db.query<{ present: boolean }>(`select to_regclass('cron.job') is not null as present`);
  if (!rows[0].present) return [];
  return (await db.query<Job>(ACTIVE_JOBS)).rows;
}

/**
 * pg_cron's scheduler for the local stack: runs the active rows of cron.job (once the
 * extension exists) and reloads them whenever `cron_jobs_changed` is notified.
 */
export async function startCron(ctx: StackContext): Promise<RunningService> {
  const db = new pg.Pool({ connectionString: ctx.databaseUrl, max: 4, application_name: 'pg_cron scheduler' });
  db.on('error', (err) => log.warn('idle scheduler connection failed', { err: err.message }));
  const scheduler = new CronScheduler((job) => runAndRecord(job, db, ctx.databaseUrl, log), log);
  const reload = serialized(async () => {
    try {
      scheduler.sync(await loadActiveJobs(db));
    } catch (err) {
      log.warn('could not load cron jobs', { err: (err as Error).message });
    }
  });
  await reload();
  const listener = await listenForChanges(ctx.databaseUrl, 'cron_jobs_changed', reload, log);
  const poll = setInterval(reload, POLL_INTERVAL_MS);
  log.info('cron scheduler ready', { jobs: scheduler.size });
  return {
    name: 'cron',
    async stop() {
      clearInterval(poll);
      await listener.close();
      await scheduler.stop(STOP_GRACE_MS);
      await db.end();
    },
  };
}
