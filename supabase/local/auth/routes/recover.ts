import { Hono } from 'hono';
import { z } from 'zod';
import { validateEmail } from '../accounts.ts';
import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { transaction } from '../db/pool.ts';
import { findUserByEmail, isEmailConfirmed } from '../db/users.ts';
import type { AuthEnv } from '../http/authenticate.ts';
import { badRequest } from '../http/errors.ts';
import { requestRedirect } from '../http/redirect.ts';
import { clientIp, readJson, text } from '../http/request.ts';
import { sendEmailChange, sendLinkMail } from '../mail/send.ts';
import { pkceChallenge, startPkceFlow } from '../pkce.ts';
import { enforceRequestLimit } from '../rate-limit.ts';

const recoverBody = z.object({ email: text(), code_challenge: text(), code_challenge_method: text() });
const resendBody = recoverBody.extend({ type: text(), phone: text() });

function validateResend(body: z.output<typeof resendBody>) {
  if (!['signup', 'email_change', 'sms', 'phone_change'].includes(body.type)) {
    throw badRequest('validation_failed', 'Missing one of these types: signup, email_change, sms, phone_change');
  }
  if (!body.email && body.type === 'signup') throw badRequest('validation_failed', 'Type provided requires an email address');
  if (!body.phone && body.type === 'sms') throw badRequest('validation_failed', 'Type provided requires a phone number');
  if (body.email && body.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided.');
  }
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  if (!body.email) throw badRequest('validation_failed', 'Missing email address or phone number');
  const pkce = pkceChallenge(body.code_challenge, body.code_challenge_method);
  // Phone types with an email address have nothing to resend (there is no phone change to confirm).
  const type = body.type === 'signup' || body.type === 'email_change' ? body.type : null;
  return { email: validateEmail(body.email), pkce, type };
}

/**
 * POST /recover and POST /resend. Both answer `{}` for unknown addresses, so they cannot be
 * used to find out who has an account.
 */
export function recoverRoutes(ctx: AuthContext) {
  return new Hono<AuthEnv>()
    .post('/recover', async (c) => {
      const ip = clientIp(c);
      enforceRequestLimit(ctx.limits, 'signInSignUps', ip);
      const body = await readJson(c, recoverBody);
      if (!body.email) throw badRequest('validation_failed', 'Password recovery requires an email');
      const email = validateEmail(body.email);
      const pkce = pkceChallenge(body.code_challenge, body.code_challenge_method);
      const user = await findUserByEmail(ctx.pool, email);
      if (!user) return c.json({});
      await transaction(ctx.pool, async (tx) => {
        if (pkce) await startPkceFlow(tx, user.id, 'recovery', pkce);
        await audit(tx, user, 'user_recovery_requested', ip);
        await sendLinkMail(tx, ctx, user, 'recovery', { ip, redirectTo: requestRedirect(c, ctx.settings), pkce: Boolean(pkce) });
      });
      return c.json({});
    })
    .post('/resend', async (c) => {
      const ip = clientIp(c);
      enforceRequestLimit(ctx.limits, 'signInSignUps', ip);
      const { email, pkce, type } = validateResend(await readJson(c, resendBody));
      const user = type ? await findUserByEmail(ctx.pool, email) : null;
      const nothingToResend = !user || (type === 'signup' ? isEmailConfirmed(user) : !user.email_change);
      if (!user || nothingToResend) return c.json({});
      const request = { ip, redirectTo: requestRedirect(c, ctx.settings), pkce: Boolean(pkce) };
      await transaction(ctx.pool, async (tx) => {
        if (type === 'signup') {
          await audit(tx, user, 'user_confirmation_requested', ip);
          if (pkce) await startPkceFlow(tx, user.id, 'email/signup', pkce);
          await sendLinkMail(tx, ctx, user, 'signup', request);
        } else {
          if (pkce) await startPkceFlow(tx, user.id, 'email_change', pkce);
          await sendEmailChange(tx, ctx, user, user.email_change ?? '', request);
        }
      });
      return c.json({});
    });
}
