import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveEnv } from '../config.ts';
import { ANON_KEY, JWKS, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from '../keys.ts';
import type { Logger } from '../log.ts';
import type { StackContext } from '../service.ts';
import { FUNCTIONS_DIR } from './discovery.ts';
import { parseDotenv } from './dotenv.ts';

export const FUNCTIONS_ENV_FILE = path.join(FUNCTIONS_DIR, '.env');

/**
 * Settings Deno itself needs to reach the npm registry (proxies, private CAs, a mirror). HOME
 * lets Deno find ~/.npmrc; the preload removes it before the function's code runs.
 */
const DENO_PLUMBING = [
  'HOME',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'NPM_CONFIG_REGISTRY',
  'npm_config_registry',
  'DENO_CERT',
  'DENO_TLS_CA_STORE',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
];

/** What every function sees, as `supabase functions serve` sets it (§8.3). */
function supabaseEnv(ctx: StackContext): Record<string, string> {
  return {
    SUPABASE_URL: ctx.config.api.url,
    SUPABASE_ANON_KEY: ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
    SUPABASE_DB_URL: ctx.databaseUrl,
    SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: PUBLISHABLE_KEY }),
    SUPABASE_SECRET_KEYS: JSON.stringify({ default: SECRET_KEY }),
    SUPABASE_JWKS: JSON.stringify(JWKS),
  };
}

/**
 * Local-only defaults a function may override: SMTP settings that point at the stack's inbox and
 * the app's URL for emailed links, so code that sends email works unchanged here (on Cloud, set
 * them with `supabase secrets set`).
 */
function localDefaults(ctx: StackContext): Record<string, string> {
  return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(ctx.config.mail.smtpPort), SITE_URL: ctx.config.auth.siteUrl };
}

/** `[edge_runtime.secrets]` then `supabase/functions/.env`; names starting SUPABASE_ are reserved. */
function userSecrets(ctx: StackContext, log: Logger): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.config.edgeRuntime.secrets)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      log.warn('ignoring a non-scalar [edge_runtime.secrets] entry', { name });
      continue;
    }
    secrets[name] = String(resolveEnv(value));
  }
  if (existsSync(FUNCTIONS_ENV_FILE)) {
    const { values, errors } = parseDotenv(readFileSync(FUNCTIONS_ENV_FILE, 'utf8'));
    for (const error of errors) log.warn(`supabase/functions/.env ${error}`);
    Object.assign(secrets, values);
  }
  for (const name of Object.keys(secrets)) {
    if (!name.startsWith('SUPABASE_')) continue;
    log.warn('ignoring a user secret with the reserved SUPABASE_ prefix', { name });
    delete secrets[name];
  }
  return secrets;
}

/** The complete environment of one worker process; nothing else of the stack's leaks in. */
export function workerEnvironment(
  ctx: StackContext,
  log: Logger,
  runtime: { port: number; denoDir: string; tmpDir: string },
): Record<string, string> {
  const plumbing = Object.fromEntries(
    DENO_PLUMBING.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])),
  );
  return {
    // Trust the operating system's certificate store, as npm does (cafile): behind a TLS-inspecting
    // proxy Deno's built-in roots would refuse the npm registry.
    DENO_TLS_CA_STORE: 'system',
    ...plumbing,
    ...localDefaults(ctx),
    ...userSecrets(ctx, log),
    ...supabaseEnv(ctx),
    DENO_DIR: runtime.denoDir,
    DENO_SERVE_ADDRESS: `tcp:127.0.0.1:${runtime.port}`,
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
    TMPDIR: runtime.tmpDir,
  };
}
