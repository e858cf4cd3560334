import { Hono } from 'hono';
import { z } from 'zod';
import { createEmailUser, validateEmail } from '../accounts.ts';
import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { transaction } from '../db/pool.ts';
import { findUserByEmail, isEmailConfirmed } from '../db/users.ts';
import { generateLink, generateLinkBody } from '../generate-link.ts';
import { requireAdmin, type AuthEnv } from '../http/authenticate.ts';
import { unprocessable } from '../http/errors.ts';
import { isRedirectAllowed, requestRedirect } from '../http/redirect.ts';
import { clientIp, jsonObject, readJson, text } from '../http/request.ts';
import { sendLinkMail } from '../mail/send.ts';
import { loadUserJson } from '../user-json.ts';

const inviteBody = z.object({ email: text(), data: jsonObject() });

/** POST /admin/generate_link and POST /invite (both need the service role). */
export function adminLinkRoutes(ctx: AuthContext) {
  const app = new Hono<AuthEnv>();
  app.use('/admin/generate_link', requireAdmin(ctx));
  app.use('/invite', requireAdmin(ctx));

  app.post('/admin/generate_link', async (c) => {
    const body = await readJson(c, generateLinkBody);
    const redirectTo =
      body.redirect_to && isRedirectAllowed(ctx.settings, body.redirect_to) ? body.redirect_to : requestRedirect(c, ctx.settings);
    const response = await transaction(ctx.pool, async (tx) => {
      const link = await generateLink(tx, ctx, c.get('admin'), body, redirectTo, clientIp(c));
      return {
        ...(await loadUserJson(tx, link.user)),
        action_link: link.actionLink,
        email_otp: link.otp,
        hashed_token: link.hashedToken,
        verification_type: link.type,
        redirect_to: redirectTo,
      };
    });
    return c.json(response);
  });

  app.post('/invite', async (c) => {
    const body = await readJson(c, inviteBody);
    const email = validateEmail(body.email);
    const ip = clientIp(c);
    const invited = await transaction(ctx.pool, async (tx) => {
      let user = await findUserByEmail(tx, email);
      if (user && isEmailConfirmed(user)) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      user ??= await createEmailUser(tx, ctx.settings, { email, password: null, userMetadata: body.data ?? {} });
      await audit(tx, c.get('admin'), 'user_invited', ip, { user_id: user.id, user_email: user.email });
      const sent = await sendLinkMail(tx, ctx, user, 'invite', { ip, redirectTo: requestRedirect(c, ctx.settings) });
      return loadUserJson(tx, sent);
    });
    return c.json(invited);
  });

  return app;
}
