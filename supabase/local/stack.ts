import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type StackConfig } from './config.ts';
import { createLogger } from './log.ts';
import { applyPendingMigrations } from './migrations.ts';
import { databaseUrl, startPostgres } from './postgres/server.ts';
import { killOrphanedChildren, STACK_PIDFILE } from './process.ts';
import type { RunningService, ServiceStarter, StackContext } from './service.ts';

const log = createLogger('stack');

/**
 * Start order after Postgres: the gateway last (it only proxies to the others). Modules load
 * lazily so that excluded services (`npm start -- -x realtime,storage`, like the CLI's
 * `--exclude`) cost nothing.
 */
const SERVICES: [string, () => Promise<ServiceStarter>][] = [
  ['mail', async () => (await import('./mail/server.ts')).startMail],
  ['postgrest', async () => (await import('./postgrest/server.ts')).startPostgrest],
  ['auth', async () => (await import('./auth/server.ts')).startAuth],
  ['storage', async () => (await import('./storage/server.ts')).startStorage],
  ['realtime', async () => (await import('./realtime/server.ts')).startRealtime],
  ['functions', async () => (await import('./functions/server.ts')).startFunctions],
  ['cron', async () => (await import('./cron/server.ts')).startCron],
  ['gateway', async () => (await import('./gateway/server.ts')).startGateway],
  ['net', async () => (await import('./net/server.ts')).startNet],
];
export const SERVICE_NAMES = SERVICES.map(([name]) => name);

export interface RunningStack {
  config: StackConfig;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export function createContext(config: StackConfig): StackContext {
  return {
    config,
    databaseUrl: databaseUrl(config),
    databaseUrlFor: (role) => databaseUrl(config, role),
  };
}

/** Brings up Postgres, applies pending migrations (and the seed on a new database), then every service. */
export async function startStack(
  options: { migrate?: boolean; exclude?: string[] } = {},
): Promise<RunningStack> {
  const config = loadConfig();
  const ctx = createContext(config);
  const timings: Record<string, number> = {};
  const started: RunningService[] = [];
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    timings[name] = Math.round(performance.now() - t0);
    return result;
  };

  await killOrphanedChildren();
  await mkdir(path.dirname(STACK_PIDFILE), { recursive: true });
  await writeFile(STACK_PIDFILE, String(process.pid));
  const postgres = await timed('postgres', () => startPostgres(config));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const service of started.reverse()) {
        await service.stop().catch((err) => log.error(`stopping ${service.name} failed`, { err }));
      }
      await postgres.stop();
      await rm(STACK_PIDFILE, { force: true });
    })());

  try {
    if (options.migrate !== false) await timed('migrations', () => applyPendingMigrations(ctx));
    for (const [name, load] of SERVICES) {
      if (options.exclude?.includes(name)) continue;
      started.push(await timed(name, async () => (await load())(ctx)));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  log.info('stack started', { timings });
  return { config, timings, stop };
}
