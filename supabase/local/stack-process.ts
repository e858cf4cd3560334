import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT_DIR } from './config.ts';

export interface StartedStackProcess {
  child: ChildProcess;
  /** Milliseconds from spawn to the "Local stack started" line. */
  startupMs: number;
  /** Per-step milliseconds the stack reported (postgres, migrations, each service). */
  timings: Record<string, number>;
}

function parseTimings(output: string): Record<string, number> {
  const line = /Timings: (.*)/.exec(output)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/(\w+) (\d+) ms/g)].map(([, name, ms]) => [name, Number(ms)]));
}

/**
 * Starts `npm start`'s stack (without the app) as a separate process with its own ports and data,
 * resolving once it reports that it is up. Used by the restart test and the start-up benchmark.
 */
export function spawnStack(env: { STACK_PORT_OFFSET: string; STACK_DATA_DIR: string }): Promise<StartedStackProcess> {
  const started = performance.now();
  // `node --import tsx` (not the tsx CLI, which forks) so that the child *is* the stack process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'supabase/local/cli.ts', 'start', '--no-app'], {
    cwd: ROOT_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let startupMs: number | undefined;
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Local stack started')) startupMs ??= performance.now() - started;
      if (startupMs !== undefined && output.includes('Timings: ') && output.includes('\n', output.indexOf('Timings: '))) {
        resolve({ child, startupMs, timings: parseTimings(output) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`stack exited (${code}) before starting:\n${output}`)));
  });
}

/** Stops a spawned stack the way Ctrl-C does and waits for it to exit. */
export async function interruptStack(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}
