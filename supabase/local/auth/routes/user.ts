import { Hono } from 'hono';
import { z } from 'zod';
import { validateEmail } from '../accounts.ts';
import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { transaction } from '../db/pool.ts';
import { deleteSessions } from '../db/sessions.ts';
import { isEmailConfirmed } from '../db/users.ts';
import { requireUser, type AuthEnv } from '../http/authenticate.ts';
import { badRequest, forbidden, unprocessable } from '../http/errors.ts';
import { requestRedirect } from '../http/redirect.ts';
import { clientIp, jsonObject, readJson, text } from '../http/request.ts';
import { sendReauthentication } from '../mail/send.ts';
import { assertStrongPassword } from '../passwords.ts';
import { pkceChallenge } from '../pkce.ts';
import { enforceRequestLimit } from '../rate-limit.ts';
import { loadUserJson } from '../user-json.ts';
import { applyUserUpdate, validateUserUpdate, type UserUpdate } from '../user-update.ts';

const updateBody = z.object({
  email: text(),
  password: z.string().nullish(),
  current_password: z.string().nullish(),
  nonce: text(),
  data: jsonObject(),
  app_metadata: jsonObject(),
  phone: text(),
  channel: text(),
  code_challenge: text(),
  code_challenge_method: text(),
});

const LOGOUT_SCOPES = new Set(['global', 'local', 'others']);

/** GET/PUT /user, POST /logout and GET /reauthenticate: everything a signed-in user does to itself. */
export function userRoutes(ctx: AuthContext) {
  const app = new Hono<AuthEnv>();
  app.use('/user', requireUser(ctx));
  app.use('/logout', requireUser(ctx));
  app.use('/reauthenticate', requireUser(ctx));

  app.get('/user', async (c) => {
    const { claims, user } = c.get('principal');
    if (claims.aud !== ctx.settings.audience) {
      throw badRequest('validation_failed', "Token audience doesn't match request audience");
    }
    return c.json(await loadUserJson(ctx.pool, user));
  });

  app.put('/user', async (c) => {
    const ip = clientIp(c);
    enforceRequestLimit(ctx.limits, 'signInSignUps', ip);
    const body = await readJson(c, updateBody);
    const { user, session } = c.get('principal');
    if (body.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
    if (body.password != null) assertStrongPassword(body.password, ctx.settings);
    if (body.app_metadata && !ctx.settings.adminRoles.includes(user.role ?? '')) {
      throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
    }
    const update: UserUpdate = {
      email: body.email ? validateEmail(body.email) : '',
      password: body.password ?? null,
      nonce: body.nonce,
      data: body.data ?? null,
      pkce: pkceChallenge(body.code_challenge, body.code_challenge_method),
      redirectTo: requestRedirect(c, ctx.settings),
      ip,
    };
    await validateUserUpdate(ctx.pool, user, session, update);
    const updated = await transaction(ctx.pool, async (tx) => {
      return loadUserJson(tx, await applyUserUpdate(tx, ctx, user, session, update));
    });
    return c.json(updated);
  });

  app.post('/logout', async (c) => {
    const scope = c.req.query('scope') || 'global';
    if (!LOGOUT_SCOPES.has(scope)) throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
    const { user, session } = c.get('principal');
    await transaction(ctx.pool, async (tx) => {
      await audit(tx, user, 'logout', clientIp(c));
      if (session && scope === 'local') await deleteSessions(tx, { sessionId: session.id });
      else if (session && scope === 'others') await deleteSessions(tx, { userId: user.id, except: session.id });
      else await deleteSessions(tx, { userId: user.id });
    });
    return c.body(null, 204);
  });

  app.get('/reauthenticate', async (c) => {
    const { user } = c.get('principal');
    if (!user.email) {
      throw badRequest('validation_failed', 'Reauthentication requires the user to have an email or a phone number');
    }
    if (!isEmailConfirmed(user)) throw unprocessable('email_not_confirmed', 'Please verify your email first.');
    await transaction(ctx.pool, async (tx) => {
      await audit(tx, user, 'user_reauthenticate_requested', clientIp(c));
      await sendReauthentication(tx, ctx, user, clientIp(c));
    });
    return c.json({});
  });

  return app;
}
