import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ROOT_DIR } from '../config.ts';
import type { Logger } from '../log.ts';
import { rememberChild, stopChild } from '../process.ts';
import type { FunctionSpec } from './discovery.ts';
import { READY_MARKER } from './runtime/preload.ts';

export const DENO_BINARY = path.join(ROOT_DIR, 'node_modules', '@deno', 'linux-x64-glibc', 'deno');
const PRELOAD = fileURLToPath(new URL('./runtime/preload.ts', import.meta.url));
/** Generous: a first boot may download npm packages. */
const BOOT_TIMEOUT_MS = 60_000;
/** A worker nobody called for this long is stopped; the next request boots it again (~60 ms). */
const IDLE_STOP_MS = 10 * 60_000;
/** How long a replaced worker may finish the requests (streams) it is serving. */
const RETIRE_GRACE_MS = 30_000;
/** Like the Edge Runtime's per-worker memory limit. */
const MEMORY_LIMIT_MB = 256;

/** The function could not start (syntax error, missing import, never called Deno.serve…). */
export class BootError extends Error {
  constructor(
    message: string,
    /** Its port was taken, typically by a client connection's ephemeral port: worth another port. */
    readonly portTaken = false,
  ) {
    super(message);
  }
}

/** The error line Deno printed last and what follows it, or a note that it ended silently. */
function bootFailure(stderr: string[], exit: number | string): BootError {
  const start = stderr.findLastIndex((line) => /^error\b/i.test(line));
  const detail = start >= 0 ? stderr.slice(start, start + 6).join('\n') : 'the module finished without calling Deno.serve';
  return new BootError(`exited during boot (${exit}): ${detail}`, stderr.some((line) => line.includes('AddrInUse')));
}

export interface WorkerOptions {
  spec: FunctionSpec;
  port: number;
  env: Record<string, string>;
  tmpDir: string;
  log: Logger;
}

function denoArguments({ spec, tmpDir }: WorkerOptions): string[] {
  return [
    'run',
    '--no-prompt',
    ...spec.moduleArgs,
    '--allow-net',
    '--allow-env',
    `--allow-read=${[...spec.readablePaths, tmpDir].join(',')}`,
    `--allow-write=${tmpDir}`,
    `--v8-flags=--max-old-space-size=${MEMORY_LIMIT_MB}`,
    `--preload=${PRELOAD}`,
    spec.entrypoint,
  ];
}

/** One function running in its own Deno process, listening on a private loopback port. */
export class FunctionWorker {
  /** Resolves with the exit code (or signal) when the process ends, for whatever reason. */
  readonly exited: Promise<number | string>;
  private readonly recentErrors: string[] = [];
  private inFlight = 0;
  private retiring = false;
  private idleTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly options: WorkerOptions,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  }

  get slug() {
    return this.options.spec.slug;
  }

  get port() {
    return this.options.port;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Pidfile name; unique while a replaced worker and its successor overlap. */
  private get processName() {
    return `function-${this.slug}-${this.port}`;
  }

  /** Spawns Deno and resolves once the function listens; rejects with a BootError otherwise. */
  static async start(options: WorkerOptions): Promise<FunctionWorker> {
    const child = spawn(DENO_BINARY, denoArguments(options), {
      cwd: path.dirname(options.spec.entrypoint),
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new FunctionWorker(options, child);
    await rememberChild(worker.processName, child).catch(() => undefined);
    try {
      await worker.untilListening();
    } catch (error) {
      await worker.stop();
      throw error;
    }
    worker.armIdleTimer();
    return worker;
  }

  private untilListening(): Promise<void> {
    const { log } = this.options;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new BootError(`no Deno.serve listener within ${BOOT_TIMEOUT_MS} ms`)), BOOT_TIMEOUT_MS);
      createInterface({ input: this.child.stdout! }).on('line', (line) => {
        if (line !== READY_MARKER) return log.info(line, { stream: 'stdout' });
        clearTimeout(timer);
        resolve();
      });
      createInterface({ input: this.child.stderr! }).on('line', (line) => {
        this.recentErrors.push(line);
        if (this.recentErrors.length > 20) this.recentErrors.shift();
        if (line.startsWith('Download ')) log.info(line, { stream: 'stderr' });
        else log.warn(line, { stream: 'stderr' });
      });
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(bootFailure(this.recentErrors, code ?? signal ?? 'unknown'));
        stopChild(this.processName, this.child).catch(() => undefined);
      });
    });
  }

  /** Counts a request in flight; call the returned function once it has ended. */
  track(): () => void {
    this.inFlight++;
    clearTimeout(this.idleTimer);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      if (this.inFlight > 0) return;
      if (this.retiring) void this.stop();
      else this.armIdleTimer();
    };
  }

  private armIdleTimer() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.options.log.info('stopping an idle function worker', { idleMinutes: IDLE_STOP_MS / 60_000 });
      void this.stop();
    }, IDLE_STOP_MS).unref();
  }

  /** Stops once the requests in flight have finished, or after `graceMs` at the latest. */
  retire(graceMs = RETIRE_GRACE_MS) {
    this.retiring = true;
    if (this.inFlight === 0) void this.stop();
    else setTimeout(() => void this.stop(), graceMs).unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    await stopChild(this.processName, this.child, 2000);
  }
}
