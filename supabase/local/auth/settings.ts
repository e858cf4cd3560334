import type { StackConfig } from '../config.ts';
import { loadCustomTemplates } from './mail/custom-templates.ts';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const SYMBOLS = '!@#$%^&*()_+-=[]{};\'\\:"|<>?,./`~';

/** `[auth] password_requirements` → the character sets GoTrue requires one of each (as the CLI maps them). */
const REQUIRED_CHARACTERS: Record<string, string[]> = {
  '': [],
  letters_digits: [LOWER + UPPER, DIGITS],
  lower_upper_letters_digits: [LOWER, UPPER, DIGITS],
  lower_upper_letters_digits_symbols: [LOWER, UPPER, DIGITS, SYMBOLS],
};

export interface HookFunction {
  /** Quoted, schema-qualified function name, safe to splice into SQL. */
  sqlName: string;
  uri: string;
}

/**
 * Parses `pg-functions://postgres/<schema>/<function>`. Identifiers are restricted to plain SQL
 * names so the quoted result can be spliced into a query.
 */
export function parseHookUri(uri: string): HookFunction {
  const match = /^pg-functions:\/\/[^/]+\/([A-Za-z_][A-Za-z0-9_$]*)\/([A-Za-z_][A-Za-z0-9_$]*)$/.exec(uri);
  if (!match) throw new Error(`Unsupported auth hook uri "${uri}" (expected pg-functions://postgres/<schema>/<function>)`);
  return { sqlName: `"${match[1]}"."${match[2]}"`, uri };
}

/**
 * `STACK_AUTH_HOOK_URI` (a pg-functions:// uri) enables the custom access token hook for one
 * stack without touching config.toml; otherwise `[auth.hook.custom_access_token]` decides.
 */
function customAccessTokenHook(config: StackConfig, env: NodeJS.ProcessEnv): HookFunction | null {
  const override = env.STACK_AUTH_HOOK_URI;
  if (override) return parseHookUri(override);
  const { enabled, uri } = config.auth.customAccessTokenHook;
  return enabled && uri ? parseHookUri(uri) : null;
}

export function authSettings(config: StackConfig, env: NodeJS.ProcessEnv = process.env) {
  const { auth } = config;
  const requiredCharacters = REQUIRED_CHARACTERS[auth.passwordRequirements];
  if (!requiredCharacters) throw new Error(`Unknown [auth] password_requirements "${auth.passwordRequirements}"`);
  return {
    ...auth,
    requiredCharacters,
    customAccessTokenHook: customAccessTokenHook(config, env),
    emailTemplates: loadCustomTemplates(auth.email.templates),
    adminRoles: ['service_role', 'supabase_admin'],
    defaultRole: 'authenticated',
    audience: 'authenticated',
    /** PKCE flow states (and their auth codes) expire after five minutes, as in GoTrue. */
    flowStateExpirySeconds: 300,
    mfa: {
      ...auth.mfa,
      challengeExpirySeconds: 300,
      unverifiedFactorExpirySeconds: 300,
      maxVerifiedFactors: 10,
      /** GoTrue's MFA challenge/verify limit: 15 per minute with a burst of 30 per IP. */
      challengesPerMinute: 15,
    },
    smtp: { host: '127.0.0.1', port: config.mail.smtpPort, sender: '"Supabase Auth" <noreply@supabase.local>' },
  };
}

export type AuthSettings = ReturnType<typeof authSettings>;
