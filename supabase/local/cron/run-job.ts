import pg from 'pg';
import type { Logger } from '../log.ts';

/** A row of cron.job, as far as running it goes. */
export interface Job {
  jobid: string;
  jobname: string | null;
  schedule: string;
  command: string;
  database: string;
  username: string;
}

/**
 * pg_cron's return_message for the last statement: "N row(s)" when it returned rows, otherwise
 * its full command tag ("INSERT 0 1", "CREATE TABLE"), which pg only exposes on the wire.
 */
function describe(result: pg.QueryResult | pg.QueryResult[], lastTag: string): string {
  const last = Array.isArray(result) ? result.at(-1) : result;
  if (last && last.fields.length > 0) return `${last.rowCount ?? 0} ${last.rowCount === 1 ? 'row' : 'rows'}`;
  return lastTag || '0 rows';
}

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/**
 * Runs one job the way pg_cron does: a fresh session in the job's database (so no setting,
 * role or open transaction leaks between runs), switched to the job's role, the command sent
 * as one simple query. Returns pg_cron's status and message.
 */
export async function executeJob(job: Job, superuserUrl: string, onPid: (pid: number) => Promise<void>) {
  const session = new pg.Client({ connectionString: databaseUrlFor(superuserUrl, job.database), application_name: 'pg_cron' });
  try {
    await session.connect();
    const { rows } = await session.query<{ pid: number }>('select pg_backend_pid() as pid');
    await onPid(rows[0].pid);
    await session.query(`set role ${session.escapeIdentifier(job.username)}`);
    let lastTag = '';
    session.connection.on('commandComplete', (message: { text: string }) => (lastTag = message.text));
    const result = (await session.query(job.command)) as pg.QueryResult | pg.QueryResult[];
    return { status: 'succeeded' as const, message: describe(result, lastTag) };
  } catch (error) {
    return { status: 'failed' as const, message: `ERROR:  ${(error as Error).message}` };
  } finally {
    await session.end().catch(() => undefined);
  }
}

/** Runs a job and keeps cron.job_run_details up to date (in the database where cron lives). */
export async function runAndRecord(job: Job, cronDb: pg.Pool, superuserUrl: string, log: Logger) {
  const { rows } = await cronDb.query<{ runid: string }>(
    `insert into cron.job_run_details (jobid, database, username, command, status, start_time)
     values ($1, $2, $3, $4, 'starting', now()) returning runid`,
    [job.jobid, job.database, job.username, job.command],
  );
  const runid = rows[0].runid;
  const outcome = await executeJob(job, superuserUrl, async (pid) => {
    await cronDb.query(`update cron.job_run_details set job_pid = $2, status = 'running' where runid = $1`, [runid, pid]);
  });
  await cronDb.query(
    `update cron.job_run_details set status = $2, return_message = $3, end_time = now() where runid = $1`,
    [runid, outcome.status, outcome.message],
  );
  const fields = { jobid: job.jobid, jobname: job.jobname, runid, message: outcome.message };
  if (outcome.status === 'failed') log.warn('cron job failed', fields);
  else log.debug('cron job succeeded', fields);
}
