import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';

/** Repository root (two levels above this file). */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SUPABASE_DIR = path.join(ROOT_DIR, 'supabase');
/** Git-ignored folder holding Postgres data, storage bytes, pidfiles and logs. */
export const DATA_DIR = process.env.STACK_DATA_DIR ?? path.join(ROOT_DIR, '.supabase-local');

/**
 * Added to every port of the stack, so that several isolated stacks (for example one per
 * developer worktree or test run, each with its own STACK_DATA_DIR) can run side by side.
 */
export const PORT_OFFSET = Number(process.env.STACK_PORT_OFFSET ?? 0);

/** Internal ports of the services behind the gateway. Only the gateway, Postgres and the inbox are public. */
export const INTERNAL_PORTS = {
  postgrest: 54330 + PORT_OFFSET,
  postgrestAdmin: 54331 + PORT_OFFSET,
  auth: 54332 + PORT_OFFSET,
  realtime: 54333 + PORT_OFFSET,
  storage: 54334 + PORT_OFFSET,
  functions: 54335 + PORT_OFFSET,
  functionWorkersFrom: 54340 + PORT_OFFSET,
} as const;

type Toml = Record<string, unknown>;

function section(toml: Toml, dotted: string): Toml {
  let node: unknown = toml;
  for (const key of dotted.split('.')) {
    node = node && typeof node === 'object' ? (node as Toml)[key] : undefined;
  }
  return node && typeof node === 'object' ? (node as Toml) : {};
}

/** Resolves `env(NAME)` references the way the Supabase CLI does. */
export function resolveEnv<T>(value: T): T {
  if (typeof value !== 'string') return value;
  const match = /^env\(([A-Za-z_][A-Za-z0-9_]*)\)$/.exec(value);
  if (!match) return value;
  return (process.env[match[1]] ?? '') as T;
}

function pick<T>(node: Toml, key: string, fallback: T): T {
  const value = resolveEnv(node[key]);
  return value === undefined || value === '' ? fallback : (value as T);
}

/** Parses sizes such as "50MiB", "5MB" or plain byte counts; like the CLI (go-units RAMInBytes), units are binary. */
export function parseSize(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?\s*$/i.exec(value);
  if (!match) throw new Error(`Unreadable size "${value}" in config.toml`);
  const unit = (match[2] ?? 'B').toUpperCase();
  const powers: Record<string, number> = { B: 0, KB: 1, KIB: 1, MB: 2, MIB: 2, GB: 3, GIB: 3 };
  return Math.round(Number(match[1]) * 1024 ** powers[unit]);
}

/** Parses Go-style durations ("1s", "1m30s", "24h") into seconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value;
  let seconds = 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let matched = false;
  for (const [, amount, unit] of value.matchAll(re)) {
    matched = true;
    seconds += Number(amount) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit as 'ms' | 's' | 'm' | 'h'];
  }
  if (!matched) throw new Error(`Unreadable duration "${value}" in config.toml`);
  return seconds;
}

export interface EmailTemplateConfig {
  subject?: string;
  /** Absolute path of the HTML body (config.toml's content_path is relative to the project root). */
  contentPath?: string;
}

/** `[auth.email.template.<kind>] subject, content_path`, keyed by kind (invite, confirmation, …). */
function emailTemplates(node: Toml): Record<string, EmailTemplateConfig> {
  const templates: Record<string, EmailTemplateConfig> = {};
  for (const [kind, value] of Object.entries(node)) {
    if (!value || typeof value !== 'object') continue;
    const subject = pick<string>(value as Toml, 'subject', '');
    const contentPath = pick<string>(value as Toml, 'content_path', '');
    templates[kind] = {
      subject: subject || undefined,
      contentPath: contentPath ? path.resolve(ROOT_DIR, contentPath) : undefined,
    };
  }
  return templates;
}

export interface FunctionConfig {
  slug: string;
  enabled: boolean;
  verifyJwt: boolean;
  entrypoint: string;
}

export function loadConfig(configPath = path.join(SUPABASE_DIR, 'config.toml')) {
  const toml = existsSync(configPath) ? (parseToml(readFileSync(configPath, 'utf8')) as Toml) : {};
  const api = section(toml, 'api');
  const db = section(toml, 'db');
  const auth = section(toml, 'auth');
  const authEmail = section(toml, 'auth.email');
  const rate = section(toml, 'auth.rate_limit');
  const mfa = section(toml, 'auth.mfa');
  const totp = section(toml, 'auth.mfa.totp');
  const sessions = section(toml, 'auth.sessions');
  const hook = section(toml, 'auth.hook.custom_access_token');
  const storage = section(toml, 'storage');
  const smtp = section(toml, 'local_smtp');
  const seed = section(toml, 'db.seed');
  const edge = section(toml, 'edge_runtime');
  const apiPort = Number(pick(api, 'port', 54321)) + PORT_OFFSET;
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  return {
    projectId: pick(toml, 'project_id', 'local'),
    api: {
      port: apiPort,
      url: apiUrl,
      schemas: pick<string[]>(api, 'schemas', ['public', 'graphql_public']),
      extraSearchPath: pick<string[]>(api, 'extra_search_path', ['public', 'extensions']),
      maxRows: pick(api, 'max_rows', 1000),
      autoExposeNewTables: pick(api, 'auto_expose_new_tables', true),
    },
    db: {
      port: Number(pick(db, 'port', 54322)) + PORT_OFFSET,
      majorVersion: pick(db, 'major_version', 17),
      seedPaths: pick<string[]>(seed, 'sql_paths', ['./seed.sql']),
      seedEnabled: pick(seed, 'enabled', true),
    },
    auth: {
      siteUrl: pick(auth, 'site_url', 'http://127.0.0.1:3000'),
      additionalRedirectUrls: pick<string[]>(auth, 'additional_redirect_urls', []),
      externalUrl: `${apiUrl}/auth/v1`,
      jwtExpiry: pick(auth, 'jwt_expiry', 3600),
      enableRefreshTokenRotation: pick(auth, 'enable_refresh_token_rotation', true),
      refreshTokenReuseInterval: pick(auth, 'refresh_token_reuse_interval', 10),
      enableSignup: pick(auth, 'enable_signup', true),
      enableAnonymousSignIns: pick(auth, 'enable_anonymous_sign_ins', false),
      minimumPasswordLength: pick(auth, 'minimum_password_length', 6),
      passwordRequirements: pick(auth, 'password_requirements', ''),
      email: {
        enabled: pick(authEmail, 'enabled', pick(authEmail, 'enable_signup', true)),
        enableConfirmations: pick(authEmail, 'enable_confirmations', false),
        doubleConfirmChanges: pick(authEmail, 'double_confirm_changes', true),
        securePasswordChange: pick(authEmail, 'secure_password_change', false),
        maxFrequencySeconds: parseDuration(pick<string | number>(authEmail, 'max_frequency', '1s')),
        otpLength: pick(authEmail, 'otp_length', 6),
        otpExpiry: pick(authEmail, 'otp_expiry', 3600),
        templates: emailTemplates(section(authEmail, 'template')),
      },
      rateLimit: {
        emailSent: pick(rate, 'email_sent', 2),
        smsSent: pick(rate, 'sms_sent', 30),
        anonymousUsers: pick(rate, 'anonymous_users', 30),
        tokenRefresh: pick(rate, 'token_refresh', 150),
        signInSignUps: pick(rate, 'sign_in_sign_ups', 30),
        tokenVerifications: pick(rate, 'token_verifications', 30),
      },
      mfa: {
        maxEnrolledFactors: pick(mfa, 'max_enrolled_factors', 10),
        totpEnrollEnabled: pick(totp, 'enroll_enabled', false),
        totpVerifyEnabled: pick(totp, 'verify_enabled', false),
      },
      sessions: {
        timeboxSeconds: sessions.timebox ? parseDuration(pick(sessions, 'timebox', '0s')) : 0,
        inactivityTimeoutSeconds: sessions.inactivity_timeout
          ? parseDuration(pick(sessions, 'inactivity_timeout', '0s'))
          : 0,
      },
      customAccessTokenHook: {
        enabled: pick(hook, 'enabled', false),
        uri: pick(hook, 'uri', ''),
      },
    },
    storage: {
      fileSizeLimit: parseSize(pick<string | number>(storage, 'file_size_limit', '50MiB')),
      buckets: section(storage, 'buckets'),
    },
    mail: {
      port: Number(pick(smtp, 'port', 54324)) + PORT_OFFSET,
      smtpPort: Number(pick(smtp, 'smtp_port', 54325)) + PORT_OFFSET,
    },
    edgeRuntime: { secrets: section(edge, 'secrets') },
    functions: section(toml, 'functions'),
  };
}

export type StackConfig = ReturnType<typeof loadConfig>;
