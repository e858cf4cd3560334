import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { INTERNAL_PORTS } from '../config.ts';
import { createLogger } from '../log.ts';
import type { RunningService, StackContext } from '../service.ts';
import { createAuthApp } from './app.ts';
import type { AuthContext } from './context.ts';
import { createPool } from './db/pool.ts';
import { createMailer } from './mail/mailer.ts';
import { createRateLimits } from './rate-limit.ts';
import { authSettings } from './settings.ts';

const HOST = '127.0.0.1';
const log = createLogger('auth');

export interface AuthServerOptions {
  /** 0 picks a free port (tests run a second instance beside the stack's). */
  port: number;
  /** Read for STACK_AUTH_HOOK_URI; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

function listen(ctx: AuthContext, port: number): Promise<ServerType> {
  const app = createAuthApp(ctx);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: HOST, port }, () => resolve(server));
    server.once('error', reject);
  });
}

/** Starts an Auth service on the given port, connected as supabase_auth_admin. */
export async function startAuthServer(
  stack: StackContext,
  options: AuthServerOptions,
): Promise<RunningService & { url: string; port: number }> {
  const settings = authSettings(stack.config, options.env);
  const pool = createPool(stack.databaseUrlFor('supabase_auth_admin'));
  pool.on('error', (err) => log.warn('idle database connection failed', { err }));
  await pool.query('select 1 from auth.users limit 1');
  const mailer = createMailer(settings);
  const ctx: AuthContext = { pool, settings, limits: createRateLimits(settings), mailer, log };
  const server = await listen(ctx, options.port).catch(async (error) => {
    await pool.end();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  log.info('auth ready', { url: `http://${HOST}:${port}`, hook: settings.customAccessTokenHook?.uri ?? null });
  return {
    name: 'auth',
    url: `http://${HOST}:${port}`,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      mailer.close();
      await pool.end();
    },
  };
}

/**
 * The GoTrue-compatible Auth service of the local stack, on INTERNAL_PORTS.auth behind the
 * gateway's /auth/v1. Set STACK_AUTH_HOOK_URI=pg-functions://postgres/<schema>/<fn> to enable a
 * custom access token hook without editing config.toml.
 */
export function startAuth(ctx: StackContext): Promise<RunningService> {
  return startAuthServer(ctx, { port: INTERNAL_PORTS.auth });
}
