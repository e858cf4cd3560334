import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DATA_DIR, INTERNAL_PORTS, loadConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { StackContext } from '../service.ts';
import { discoverFunctions, type FunctionSpec } from './discovery.ts';
import { workerEnvironment } from './environment.ts';
import { BootError, FunctionWorker } from './worker.ts';

/** Deno's module and npm cache: git-ignored, per stack data folder. */
export const DENO_DIR = path.join(DATA_DIR, 'deno');
/** The only place functions may write (TMPDIR). */
export const FUNCTIONS_TMP_DIR = path.join(DATA_DIR, 'functions-tmp');
const MAX_WORKERS = 50;
const MAX_BOOT_ATTEMPTS = 3;
const PORT_QUARANTINE_MS = 30_000;

interface WorkerEntry {
  worker: Promise<FunctionWorker>;
  /** When Deno started loading the function's code (Infinity while queued). */
  loadedAt: number;
}

/**
 * Starts function workers on first use and restarts them when their code changes. Boots run
 * one at a time: it keeps a 2-core machine responsive and lets only one Deno process at a
 * time update supabase/functions/deno.lock.
 */
export class WorkerPool {
  private specs = new Map<string, FunctionSpec>();
  private readonly workers = new Map<string, WorkerEntry>();
  /** Every running process, including replaced ones still finishing their requests. */
  private readonly live = new Set<FunctionWorker>();
  private reportedProblems = '';
  private readonly usedPorts = new Set<number>();
  private bootQueue: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly ctx: StackContext,
    private readonly log: Logger,
  ) {}

  async init() {
    await mkdir(DENO_DIR, { recursive: true });
    await mkdir(FUNCTIONS_TMP_DIR, { recursive: true });
    this.rediscover(this.ctx.config.functions);
  }

  /** Re-reads function folders and `[functions.*]` (config.toml is re-read when it changed). */
  rediscover(sections: Record<string, unknown> = loadConfig().functions) {
    const { functions, problems } = discoverFunctions(sections);
    if (problems.join() !== this.reportedProblems) {
      for (const problem of problems) this.log.error(`function not served: ${problem}`);
      this.reportedProblems = problems.join();
    }
    this.specs = functions;
    for (const slug of this.workers.keys()) if (!functions.has(slug)) this.restart([slug]);
  }

  spec(slug: string): FunctionSpec | undefined {
    return this.specs.get(slug);
  }

  get slugs(): string[] {
    return [...this.specs.keys()];
  }

  /** The running worker for a function, booting it when needed (throws BootError). */
  async worker(spec: FunctionSpec): Promise<FunctionWorker> {
    const existing = this.workers.get(spec.slug);
    if (existing) {
      const worker = await existing.worker;
      if (worker.alive) return worker;
      if (this.workers.get(spec.slug) === existing) this.workers.delete(spec.slug);
      return this.worker(spec);
    }
    const timing = { loadedAt: Infinity };
    const entry: WorkerEntry = Object.assign(timing, { worker: this.enqueueBoot(spec, timing) });
    this.workers.set(spec.slug, entry);
    entry.worker.catch(() => {
      if (this.workers.get(spec.slug) === entry) this.workers.delete(spec.slug);
    });
    return entry.worker;
  }

  /**
   * Stops the workers of the given functions (all when omitted) that loaded their code before
   * `changedAt`; the next request boots the new code. Workers that started loading after the
   * change already run it and are left alone.
   */
  restart(slugs: string[] = [...this.workers.keys()], changedAt = Date.now()) {
    for (const slug of slugs) {
      const entry = this.workers.get(slug);
      if (!entry || entry.loadedAt > changedAt) continue;
      this.workers.delete(slug);
      entry.worker.then((worker) => worker.retire()).catch(() => undefined);
      this.log.info('function will restart with its new code', { function: slug });
    }
  }

  async stopAll() {
    this.stopping = true;
    const booting = [...this.workers.values()].map((entry) => entry.worker.catch(() => undefined));
    this.workers.clear();
    await Promise.all(booting);
    await Promise.all([...this.live].map((worker) => worker.stop()));
  }

  private enqueueBoot(spec: FunctionSpec, timing: { loadedAt: number }): Promise<FunctionWorker> {
    const boot = this.bootQueue.then(() => {
      timing.loadedAt = Date.now();
      return this.boot(spec);
    });
    this.bootQueue = boot.catch(() => undefined);
    return boot;
  }

  private async boot(spec: FunctionSpec, attempt = 1): Promise<FunctionWorker> {
    if (this.stopping) throw new Error('the functions service is stopping');
    const port = this.allocatePort();
    const log = this.log.child({ function: spec.slug });
    const started = performance.now();
    try {
      const env = workerEnvironment(this.ctx, log, { port, denoDir: DENO_DIR, tmpDir: FUNCTIONS_TMP_DIR });
      const worker = await FunctionWorker.start({ spec, port, env, tmpDir: FUNCTIONS_TMP_DIR, log });
      log.info('function booted', { port, ms: Math.round(performance.now() - started) });
      this.live.add(worker);
      worker.exited.then((code) => {
        this.live.delete(worker);
        this.usedPorts.delete(port);
        if (!this.stopping) log.info('function worker exited', { code });
      });
      return worker;
    } catch (error) {
      this.usedPorts.delete(port);
      if (error instanceof BootError && error.portTaken && attempt < MAX_BOOT_ATTEMPTS) {
        log.info('worker port was taken; booting on another one', { port });
        this.skipPort(port);
        return this.boot(spec, attempt + 1);
      }
      log.error('function failed to boot', { err: error });
      throw error;
    }
  }

  /** Leaves a port that something else holds alone for a while. */
  private skipPort(port: number) {
    this.usedPorts.add(port);
    setTimeout(() => this.usedPorts.delete(port), PORT_QUARANTINE_MS).unref();
  }

  private allocatePort(): number {
    for (let offset = 0; offset < MAX_WORKERS; offset++) {
      const port = INTERNAL_PORTS.functionWorkersFrom + offset;
      if (this.usedPorts.has(port)) continue;
      this.usedPorts.add(port);
      return port;
    }
    throw new Error(`more than ${MAX_WORKERS} function workers are running`);
  }
}
