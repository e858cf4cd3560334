import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';

/**
 * Scheduled SQL through pg_cron's API (`create extension pg_cron`, cron.schedule, …) as an app
 * uses it from a migration. Local only: it inspects cron tables with the superuser connection.
 */
const TABLE = 'public.cron_conformance_runs';

interface RunDetail {
  status: string;
  return_message: string;
  start_time: Date;
  end_time: Date | null;
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 6000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const runsOf = (jobid: string) =>
  superuserSql<RunDetail>(
    `select status, return_message, start_time, end_time from cron.job_run_details where jobid = $1 order by runid`,
    [jobid],
  );
const tickCount = async (job: string) =>
  Number((await superuserSql<{ n: string }>(`select count(*) as n from ${TABLE} where job = $1`, [job]))[0].n);
const schedule = async (name: string, when: string, command: string) =>
  (await superuserSql<{ jobid: string }>(`select cron.schedule($1, $2, $3)::text as jobid`, [name, when, command]))[0].jobid;
const unschedule = (name: string) => superuserSql(`select cron.unschedule($1)`, [name]);

describe.skipIf(!IS_LOCAL)('pg_cron scheduling', () => {
  let extensionExisted = false;

  beforeAll(async () => {
    extensionExisted = (await superuserSql(`select from pg_extension where extname = 'pg_cron'`)).length > 0;
    await superuserSql(`create extension if not exists pg_cron`);
    await superuserSql(`create table if not exists ${TABLE} (id bigserial primary key, job text not null, who text not null default current_user, at timestamptz not null default now())`);
    await superuserSql(`grant insert on ${TABLE} to authenticated; grant usage on sequence ${TABLE}_id_seq to authenticated`);
  });

  afterAll(async () => {
    await superuserSql(`delete from cron.job where jobname like 'conformance-%'`);
    await superuserSql(`drop table if exists ${TABLE}`);
    if (!extensionExisted) await superuserSql(`drop extension if exists pg_cron`);
  });

  it('runs a "1 seconds" job and records each run in cron.job_run_details', async () => {
    const jobid = await schedule('conformance-every-second', '1 seconds', `insert into ${TABLE} (job) values ('every-second')`);
    await eventually(async () => ((await tickCount('every-second')) >= 2 ? true : undefined));
    const runs = await eventually(async () => {
      const done = (await runsOf(jobid)).filter((run) => run.status === 'succeeded');
      return done.length >= 2 ? done : undefined;
    });
    expect(runs[0].return_message).toBe('INSERT 0 1');
    expect(runs[0].end_time!.getTime()).toBeGreaterThanOrEqual(runs[0].start_time.getTime());
    await unschedule('conformance-every-second');
  });

  it('stops running a job once it is unscheduled', async () => {
    await schedule('conformance-stop', '1 seconds', `insert into ${TABLE} (job) values ('stop')`);
    await eventually(async () => ((await tickCount('stop')) >= 1 ? true : undefined));
    await unschedule('conformance-stop');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const afterUnschedule = await tickCount('stop');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await tickCount('stop')).toBe(afterUnschedule);
  });

  it('records a failing command as failed with the database error', async () => {
    const jobid = await schedule('conformance-failing', '1 seconds', `insert into public.no_such_table_for_cron values (1)`);
    const failed = await eventually(async () => (await runsOf(jobid)).find((run) => run.status === 'failed'));
    expect(failed.return_message).toMatch(/relation "public\.no_such_table_for_cron" does not exist/);
    expect(failed.end_time).not.toBeNull();
    await unschedule('conformance-failing');
  });

  it('runs the command as the role recorded in the job', async () => {
    const [{ jobid }] = await superuserSql<{ jobid: string }>(
      `select cron.schedule_in_database('conformance-as-role', '1 seconds', $1, current_database(), 'authenticated')::text as jobid`,
      [`insert into ${TABLE} (job) values ('as-role')`],
    );
    const [row] = await eventually(async () => {
      const rows = await superuserSql<{ who: string }>(`select who from ${TABLE} where job = 'as-role'`);
      return rows.length ? rows : undefined;
    });
    expect(row.who).toBe('authenticated');
    await superuserSql(`select cron.unschedule($1::bigint)`, [jobid]);
  });

  it('never overlaps two runs of the same job', async () => {
    const jobid = await schedule('conformance-slow', '1 seconds', `select pg_sleep(1.6)`);
    const runs = await eventually(async () => {
      const finished = (await runsOf(jobid)).filter((run) => run.end_time);
      return finished.length >= 2 ? finished : undefined;
    }, 8000);
    await unschedule('conformance-slow');
    expect(runs[0].return_message).toBe('1 row');
    for (let i = 1; i < runs.length; i++) expect(runs[i].start_time.getTime()).toBeGreaterThanOrEqual(runs[i - 1].end_time!.getTime());
  });

  it('pauses a job with cron.alter_job(active => false)', async () => {
    const jobid = await schedule('conformance-paused', '1 seconds', `insert into ${TABLE} (job) values ('paused')`);
    await eventually(async () => ((await tickCount('paused')) >= 1 ? true : undefined));
    await superuserSql(`select cron.alter_job($1::bigint, active => false)`, [jobid]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const whilePaused = await tickCount('paused');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await tickCount('paused')).toBe(whilePaused);
  });

  it('rejects invalid schedules with a clear error and stores nothing', async () => {
    const invalid = ['not a schedule', '61 seconds', '0 seconds', '60 * * * *', '* 24 * * *', '* * 32 * *', '* * * 13 *', '0 0 * * 8', '* * * *', '*/0 * * * *', '5/5 * * * *', '@often'];
    for (const bad of invalid) {
      await expect(schedule('conformance-invalid', bad, 'select 1'), bad).rejects.toThrow(`invalid schedule: ${bad}`);
    }
    const stored = await superuserSql(`select from cron.job where jobname = 'conformance-invalid'`);
    expect(stored).toHaveLength(0);
  });

  it('accepts the schedule forms pg_cron accepts', async () => {
    const valid = ['30 seconds', '1 second', '*/5 * * * *', '0 9 * * mon-fri', '0 0 $ * *', '15 3 1,15 jan,jul *', '0 0 1-7/2 * 0', '@hourly', '@daily', '@reboot'];
    for (const good of valid) {
      await schedule('conformance-valid', good, 'select 1');
    }
    await unschedule('conformance-valid');
  });

  it('rejects jobs for an unknown role or database', async () => {
    await expect(
      superuserSql(`select cron.schedule_in_database('conformance-bad-role', '@daily', 'select 1', current_database(), 'no_such_role')`),
    ).rejects.toThrow('role "no_such_role" does not exist');
    await expect(
      superuserSql(`select cron.schedule_in_database('conformance-bad-db', '@daily', 'select 1', 'no_such_database')`),
    ).rejects.toThrow('database "no_such_database" does not exist');
    await expect(superuserSql(`select cron.unschedule('conformance-never-existed')`)).rejects.toThrow(
      "could not find valid entry for job 'conformance-never-existed'",
    );
  });
});
