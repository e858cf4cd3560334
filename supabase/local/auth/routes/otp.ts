import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { randomPassword, validateEmail } from '../accounts.ts';
import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { transaction } from '../db/pool.ts';
import { findUserByEmail, isEmailConfirmed, type JsonObject } from '../db/users.ts';
import { signUpWithEmail } from '../email-signup.ts';
import type { AuthEnv } from '../http/authenticate.ts';
import { badRequest, unprocessable } from '../http/errors.ts';
import { requestRedirect } from '../http/redirect.ts';
import { clientIp, flag, jsonObject, readJson, text } from '../http/request.ts';
import { sendLinkMail } from '../mail/send.ts';
import { pkceChallenge, startPkceFlow, type PkceChallenge } from '../pkce.ts';
import { enforceRequestLimit } from '../rate-limit.ts';

const otpBody = z.object({
  email: text(),
  phone: text(),
  channel: text(),
  data: jsonObject(),
  create_user: flag(true),
  code_challenge: text(),
  code_challenge_method: text(),
});

interface MagicLinkRequest {
  email: string;
  data: JsonObject;
  createUser: boolean;
  pkce: PkceChallenge | null;
}

/**
 * Sends a magic link (link + code) to a confirmed user. A new or unconfirmed address is signed
 * up instead and receives the confirmation mail, whose code verifies just the same.
 */
async function sendMagicLink(ctx: AuthContext, c: Context, request: MagicLinkRequest) {
  if (!ctx.settings.email.enabled) throw unprocessable('email_provider_disabled', 'Email logins are disabled');
  const ip = clientIp(c);
  const redirectTo = requestRedirect(c, ctx.settings);
  await transaction(ctx.pool, async (tx) => {
    let user = await findUserByEmail(tx, request.email);
    if (!user && !request.createUser) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
    if (!user || !isEmailConfirmed(user)) {
      const signup = { email: request.email, password: randomPassword(), data: request.data, pkce: request.pkce, ip, redirectTo };
      const outcome = await signUpWithEmail(tx, ctx, signup);
      if (outcome.status === 'pending') return;
      user = outcome.user;
    }
    if (request.pkce) await startPkceFlow(tx, user.id, 'magiclink', request.pkce);
    await audit(tx, user, 'user_recovery_requested', ip);
    await sendLinkMail(tx, ctx, user, 'magiclink', { ip, redirectTo, pkce: Boolean(request.pkce) });
  });
  return {};
}

function validateOtp(body: z.output<typeof otpBody>) {
  if (body.email && body.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided');
  }
  if (body.email && body.channel) {
    throw badRequest('validation_failed', 'Channel should only be specified with Phone OTP');
  }
  const pkce = pkceChallenge(body.code_challenge, body.code_challenge_method);
  if (body.phone) throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
  if (!body.email) throw badRequest('validation_failed', 'One of email or phone must be set');
  return { email: validateEmail(body.email), pkce };
}

/** POST /otp (email or phone) and the older POST /magiclink (email only, always creates users). */
export function otpRoutes(ctx: AuthContext) {
  return new Hono<AuthEnv>()
    .post('/otp', async (c) => {
      enforceRequestLimit(ctx.limits, 'signInSignUps', clientIp(c));
      const body = await readJson(c, otpBody);
      const { email, pkce } = validateOtp(body);
      return c.json(await sendMagicLink(ctx, c, { email, pkce, data: body.data ?? {}, createUser: body.create_user }));
    })
    .post('/magiclink', async (c) => {
      enforceRequestLimit(ctx.limits, 'signInSignUps', clientIp(c));
      const body = await readJson(c, otpBody.pick({ email: true, data: true, code_challenge: true, code_challenge_method: true }));
      if (!body.email) throw unprocessable('validation_failed', 'Password recovery requires an email');
      const pkce = pkceChallenge(body.code_challenge, body.code_challenge_method);
      const request = { email: validateEmail(body.email), pkce, data: body.data ?? {}, createUser: true };
      return c.json(await sendMagicLink(ctx, c, request));
    });
}
