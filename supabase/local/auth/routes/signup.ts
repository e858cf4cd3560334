import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { validateEmail } from '../accounts.ts';
import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { transaction } from '../db/pool.ts';
import { insertUser, type JsonObject } from '../db/users.ts';
import { assertSignupsEnabled, signUpWithEmail, type EmailSignup } from '../email-signup.ts';
import type { AuthEnv } from '../http/authenticate.ts';
import { badRequest, unprocessable } from '../http/errors.ts';
import { requestRedirect } from '../http/redirect.ts';
import { clientIp, jsonObject, readJson, text, userAgent } from '../http/request.ts';
import { assertStrongPassword } from '../passwords.ts';
import { pkceChallenge } from '../pkce.ts';
import { enforceRequestLimit } from '../rate-limit.ts';
import { startSession } from '../tokens/session.ts';
import { loadUserJson } from '../user-json.ts';

const signupBody = z.object({
  email: text(),
  phone: text(),
  password: text(),
  data: jsonObject(),
  channel: text(),
  code_challenge: text(),
  code_challenge_method: text(),
});

/** Neither email nor phone: an anonymous user with a session (amr `anonymous`). */
async function signUpAnonymously(ctx: AuthContext, data: JsonObject, ip: string, agent: string | null) {
  if (!ctx.settings.enableAnonymousSignIns) {
    throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  }
  enforceRequestLimit(ctx.limits, 'anonymousUsers', ip);
  assertSignupsEnabled(ctx);
  return transaction(ctx.pool, async (tx) => {
    const user = await insertUser(tx, {
      email: null,
      encryptedPassword: null,
      userMetadata: data,
      appMetadata: {},
      isAnonymous: true,
      aud: ctx.settings.audience,
      role: ctx.settings.defaultRole,
    });
    return startSession(tx, ctx, user, 'anonymous', { ip, userAgent: agent });
  });
}

/** What GoTrue answers for an address that is already registered while confirmations are on. */
function obfuscatedUser(email: string, data: JsonObject): JsonObject {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    aud: 'authenticated',
    role: '',
    email,
    phone: '',
    confirmation_sent_at: now,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  };
}

function validateSignup(ctx: AuthContext, body: z.output<typeof signupBody>) {
  if (!body.password) throw badRequest('validation_failed', 'Signup requires a valid password');
  assertStrongPassword(body.password, ctx.settings);
  if (body.email && body.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on signup.');
  }
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  if (!ctx.settings.email.enabled) throw badRequest('email_provider_disabled', 'Email signups are disabled');
  return { email: validateEmail(body.email), pkce: pkceChallenge(body.code_challenge, body.code_challenge_method) };
}

export function signupRoutes(ctx: AuthContext) {
  return new Hono<AuthEnv>().post('/signup', async (c) => {
    const body = await readJson(c, signupBody);
    const ip = clientIp(c);
    const data = body.data ?? {};
    if (!body.email && !body.phone) return c.json(await signUpAnonymously(ctx, data, ip, userAgent(c)));
    enforceRequestLimit(ctx.limits, 'signInSignUps', ip);
    assertSignupsEnabled(ctx);
    const { email, pkce } = validateSignup(ctx, body);
    const params: EmailSignup = { email, password: body.password, data, pkce, ip, redirectTo: requestRedirect(c, ctx.settings) };
    const outcome = await transaction(ctx.pool, async (tx) => {
      const result = await signUpWithEmail(tx, ctx, params);
      if (result.status === 'exists') {
        await audit(tx, result.user, 'user_repeated_signup', ip, { provider: 'email' });
        return { result, body: null };
      }
      if (result.status === 'pending') return { result, body: await loadUserJson(tx, result.user) };
      await audit(tx, result.user, 'login', ip, { provider: 'email' });
      return { result, body: await startSession(tx, ctx, result.user, 'password', { ip, userAgent: userAgent(c) }) };
    });
    if (outcome.body) return c.json(outcome.body);
    if (!ctx.settings.email.enableConfirmations) {
      throw unprocessable('user_already_exists', 'User already registered');
    }
    return c.json(obfuscatedUser(email, data));
  });
}
