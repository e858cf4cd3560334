import { Cron } from 'croner';
import type { Logger } from '../log.ts';
import type { Job } from './run-job.ts';
import { planFor } from './schedule.ts';

interface Scheduled {
  /** Everything that, when changed, needs the job rescheduled. */
  signature: string;
  timer?: { stop(): void };
}

/**
 * Every `seconds`, like pg_cron's interval jobs. (croner's `interval` option measures from the
 * previous run's actual start, so a tick that fires a few milliseconds early is dropped and the job
 * waits a whole extra interval.)
 */
function everySeconds(seconds: number, fire: () => void) {
  const handle = setInterval(fire, seconds * 1000);
  return { stop: () => clearInterval(handle) };
}

const signatureOf = (job: Job) => JSON.stringify([job.schedule, job.command, job.database, job.username]);

/**
 * Keeps one croner timer per active job (times in UTC, like pg_cron's default) and never lets
 * two runs of the same job overlap: a tick that finds the previous run still going is skipped.
 */
export class CronScheduler {
  private readonly scheduled = new Map<string, Scheduled>();
  private readonly running = new Map<string, Promise<void>>();
  private firstSync = true;

  constructor(
    private readonly run: (job: Job) => Promise<void>,
    private readonly log: Logger,
  ) {}

  /** Brings the timers in line with the given active jobs. */
  sync(jobs: Job[]) {
    const wanted = new Map(jobs.map((job) => [job.jobid, job]));
    for (const [jobid, entry] of this.scheduled) {
      const job = wanted.get(jobid);
      if (job && signatureOf(job) === entry.signature) continue;
      entry.timer?.stop();
      this.scheduled.delete(jobid);
    }
    for (const job of jobs) {
      if (!this.scheduled.has(job.jobid)) this.scheduled.set(job.jobid, this.schedule(job));
    }
    this.firstSync = false;
  }

  get size(): number {
    return this.scheduled.size;
  }

  private schedule(job: Job): Scheduled {
    const signature = signatureOf(job);
    const plan = planFor(job.schedule);
    const fire = () => this.trigger(job);
    try {
      if (!plan) throw new Error(`invalid schedule: ${job.schedule}`);
      if (plan.kind === 'reboot') {
        if (this.firstSync) fire();
        return { signature };
      }
      const timer =
        plan.kind === 'interval'
          ? everySeconds(plan.seconds, fire)
          : new Cron(plan.pattern, { mode: '5-part', timezone: 'UTC' }, fire);
      return { signature, timer };
    } catch (err) {
      this.log.warn('cron job not scheduled', { jobid: job.jobid, schedule: job.schedule, err: (err as Error).message });
      return { signature };
    }
  }

  private trigger(job: Job) {
    if (this.running.has(job.jobid)) {
      this.log.debug('previous run still in progress; skipping this one', { jobid: job.jobid });
      return;
    }
    const run = this.run(job)
      .catch((err: Error) => this.log.error('cron job could not be run', { jobid: job.jobid, err }))
      .finally(() => this.running.delete(job.jobid));
    this.running.set(job.jobid, run);
  }

  /** Stops every timer and waits (up to `graceMs`) for runs in progress to finish. */
  async stop(graceMs: number) {
    for (const entry of this.scheduled.values()) entry.timer?.stop();
    this.scheduled.clear();
    const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.all(this.running.values()), grace]);
  }
}
