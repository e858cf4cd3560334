import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { validateEmail } from '../accounts.ts';
import type { AuthContext } from '../context.ts';
import { issueAuthCode } from '../db/flow-state.ts';
import { transaction, type Queryable } from '../db/pool.ts';
import type { JsonObject } from '../db/users.ts';
import type { AuthEnv } from '../http/authenticate.ts';
import { AuthError, badRequest, forbidden, unprocessable } from '../http/errors.ts';
import { requestRedirect } from '../http/redirect.ts';
import { clientIp, readJson, text, userAgent } from '../http/request.ts';
import { PKCE_PREFIX } from '../otp.ts';
import { enforceRequestLimit } from '../rate-limit.ts';
import { startSession } from '../tokens/session.ts';
import { applyVerification, matchEmailCode, matchTokenHash } from '../verification.ts';

const verifyBody = z.object({
  type: text(),
  token: text(),
  token_hash: text(),
  email: text(),
  phone: text(),
  redirect_to: text(),
});

/** GoTrue's answer to the first half of a double-confirmed email change. */
const SINGLE_CONFIRMATION = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';

/** PKCE flow states are keyed by authentication method; verification types map onto them. */
const FLOW_METHOD: Record<string, string> = {
  signup: 'email/signup',
  invite: 'invite',
  magiclink: 'magiclink',
  recovery: 'recovery',
  email_change: 'email_change',
};

async function matchPosted(ctx: AuthContext, tx: Queryable, body: z.output<typeof verifyBody>) {
  if (!body.type) throw badRequest('validation_failed', 'Verify requires a verification type');
  if (Boolean(body.token) === Boolean(body.token_hash)) {
    throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  }
  if (body.token_hash) {
    if (body.email || body.phone || body.redirect_to) {
      throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
    }
    return matchTokenHash(tx, ctx, body.type, body.token_hash);
  }
  if (body.phone && !body.email) throw forbidden('otp_expired', 'Token has expired or is invalid');
  if (!body.email || body.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on verify');
  }
  let email: string;
  try {
    email = validateEmail(body.email);
  } catch {
    throw unprocessable('validation_failed', 'Invalid email format');
  }
  return matchEmailCode(tx, ctx, body.type, email, body.token);
}

/** Fragment (and, for PKCE, query) parameters of a redirect, in Go's sorted `url.Values` order. */
function encodeSorted(params: Record<string, string>): string {
  return new URLSearchParams(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))).toString();
}

const OAUTH_ERRORS: Record<number, string> = { 400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied', 500: 'server_error' };

function errorRedirect(redirectTo: string, error: AuthError, pkce: boolean): string {
  const url = new URL(redirectTo);
  const details: Record<string, string> = { error_code: error.code, error_description: error.message };
  const oauthError = OAUTH_ERRORS[error.status];
  if (oauthError) details.error = oauthError;
  if (pkce) for (const [key, value] of Object.entries(details)) url.searchParams.set(key, value);
  url.hash = encodeSorted({ ...details, sb: '' });
  return url.toString();
}

function singleConfirmationRedirect(redirectTo: string, pkce: boolean): string {
  const url = new URL(redirectTo);
  if (pkce) url.searchParams.set('message', SINGLE_CONFIRMATION);
  url.hash = encodeSorted({ message: SINGLE_CONFIRMATION, sb: '' });
  return url.toString();
}

async function pkceRedirect(tx: Queryable, userId: string, type: string, redirectTo: string): Promise<string> {
  const code = await issueAuthCode(tx, userId, FLOW_METHOD[type] ?? type);
  if (!code) throw badRequest('flow_state_not_found', 'No associated flow state found. No valid flow state found for user.');
  const url = new URL(redirectTo);
  url.searchParams.set('code', code);
  return url.toString();
}

function implicitRedirect(session: JsonObject, type: string, redirectTo: string): string {
  const fragment = {
    access_token: String(session.access_token),
    expires_at: String(session.expires_at),
    expires_in: String(session.expires_in),
    refresh_token: String(session.refresh_token),
    sb: '',
    token_type: 'bearer',
    type,
  };
  return `${redirectTo}#${encodeSorted(fragment)}`;
}

/** Verifies the emailed token and answers with where to send the browser (errors included). */
async function followEmailLink(ctx: AuthContext, c: Context, token: string, type: string, redirectTo: string) {
  const pkce = token.startsWith(PKCE_PREFIX);
  const client = { ip: clientIp(c), userAgent: userAgent(c) };
  try {
    if (type === 'email') throw badRequest('validation_failed', 'Unsupported verification type');
    return await transaction(ctx.pool, async (tx) => {
      const user = await applyVerification(tx, ctx, await matchTokenHash(tx, ctx, type, token), client.ip);
      if (!user) return singleConfirmationRedirect(redirectTo, pkce);
      if (pkce) return pkceRedirect(tx, user.id, type, redirectTo);
      return implicitRedirect(await startSession(tx, ctx, user, 'otp', client), type, redirectTo);
    });
  } catch (error) {
    if (error instanceof AuthError) return errorRedirect(redirectTo, error, pkce);
    throw error;
  }
}

/** POST /verify answers with a session; GET /verify (the emailed link) redirects with one. */
export function verifyRoutes(ctx: AuthContext) {
  return new Hono<AuthEnv>()
    .post('/verify', async (c) => {
      enforceRequestLimit(ctx.limits, 'tokenVerifications', clientIp(c));
      const body = await readJson(c, verifyBody);
      const client = { ip: clientIp(c), userAgent: userAgent(c) };
      const result = await transaction(ctx.pool, async (tx) => {
        const user = await applyVerification(tx, ctx, await matchPosted(ctx, tx, body), client.ip);
        return user ? startSession(tx, ctx, user, 'otp', client) : null;
      });
      return c.json(result ?? { msg: SINGLE_CONFIRMATION, code: '200' });
    })
    .get('/verify', async (c) => {
      enforceRequestLimit(ctx.limits, 'tokenVerifications', clientIp(c));
      const token = c.req.query('token') ?? '';
      const type = c.req.query('type') ?? '';
      if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
      if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
      return c.redirect(await followEmailLink(ctx, c, token, type, requestRedirect(c, ctx.settings)), 303);
    });
}
