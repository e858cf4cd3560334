import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_DIR } from './config.ts';

/** Pidfiles of child processes, so a stack killed with -9 can clean up on its next start. */
const RUN_DIR = path.join(DATA_DIR, 'run');

export async function rememberChild(name: string, child: ChildProcess) {
  if (!child.pid) throw new Error(`${name} did not start`);
  await mkdir(RUN_DIR, { recursive: true });
  await writeFile(path.join(RUN_DIR, `${name}.pid`), String(child.pid));
}

export async function stopChild(name: string, child: ChildProcess, timeoutMs = 5000) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
  await rm(path.join(RUN_DIR, `${name}.pid`), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills children recorded by a previous stack that died without cleaning up. */
export async function killOrphanedChildren() {
  if (!existsSync(RUN_DIR)) return;
  for (const file of await readdir(RUN_DIR)) {
    if (!file.endsWith('.pid') || file === 'stack.pid') continue;
    const pid = Number(await readFile(path.join(RUN_DIR, file), 'utf8'));
    if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    await rm(path.join(RUN_DIR, file), { force: true });
  }
}

export const STACK_PIDFILE = path.join(RUN_DIR, 'stack.pid');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a URL until it answers with a status below 500. */
export async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
      lastError = new Error(`status ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await sleep(50);
  }
  throw new Error(`${url} did not become ready in ${timeoutMs} ms: ${String(lastError)}`);
}
