import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { deleteFlowState, findFlowStateByCode } from '../db/flow-state.ts';
import { transaction } from '../db/pool.ts';
import type { ClientInfo } from '../db/sessions.ts';
import { findUserByEmail, findUserById, hasPassword, isBanned, isEmailConfirmed } from '../db/users.ts';
import type { AuthEnv } from '../http/authenticate.ts';
import { badRequest, internalError, notFound, unprocessable } from '../http/errors.ts';
import { clientIp, readJson, text, userAgent } from '../http/request.ts';
import { passwordMatches, passwordWeakness } from '../passwords.ts';
import { verifierMatches } from '../pkce.ts';
import { enforceRequestLimit } from '../rate-limit.ts';
import { refreshSession } from '../tokens/refresh.ts';
import { isAuthMethod, startSession } from '../tokens/session.ts';

const passwordBody = z.object({ email: text(), phone: text(), password: text() });
const refreshBody = z.object({ refresh_token: text() });
const pkceBody = z.object({ auth_code: text(), code_verifier: text() });

const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials');

async function passwordGrant(ctx: AuthContext, c: Context, client: ClientInfo) {
  enforceRequestLimit(ctx.limits, 'signInSignUps', client.ip);
  const body = await readJson(c, passwordBody);
  if (body.email && body.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  }
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (!body.email) throw badRequest('validation_failed', 'missing email or phone');
  if (!ctx.settings.email.enabled) throw unprocessable('email_provider_disabled', 'Email logins are disabled');
  const user = await findUserByEmail(ctx.pool, body.email);
  if (!user || !hasPassword(user)) throw invalidCredentials();
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  if (!(await passwordMatches(body.password, user.encrypted_password))) throw invalidCredentials();
  if (!isEmailConfirmed(user)) throw badRequest('email_not_confirmed', 'Email not confirmed');
  const session = await transaction(ctx.pool, async (tx) => {
    await audit(tx, user, 'login', client.ip, { provider: 'email' });
    return startSession(tx, ctx, user, 'password', client);
  });
  const weakness = passwordWeakness(body.password, ctx.settings);
  return weakness ? { ...session, weak_password: weakness } : session;
}

async function pkceGrant(ctx: AuthContext, c: Context, client: ClientInfo) {
  enforceRequestLimit(ctx.limits, 'signInSignUps', client.ip);
  const { auth_code: authCode, code_verifier: verifier } = await readJson(c, pkceBody);
  if (!authCode || !verifier) {
    throw badRequest('validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
  }
  const flow = await findFlowStateByCode(ctx.pool, authCode);
  if (!flow?.user_id) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
  if (Date.parse(flow.created_at) + ctx.settings.flowStateExpirySeconds * 1000 < Date.now()) {
    throw unprocessable('flow_state_expired', 'invalid flow state, flow state has expired');
  }
  const user = await findUserById(ctx.pool, flow.user_id);
  if (!user) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
  if (!isAuthMethod(flow.authentication_method)) throw internalError('Unknown flow state authentication method');
  const method = flow.authentication_method;
  if (!verifierMatches(flow, verifier)) {
    throw badRequest('bad_code_verifier', 'code challenge does not match previously saved code verifier');
  }
  return transaction(ctx.pool, async (tx) => {
    await audit(tx, user, 'login', client.ip);
    const session = await startSession(tx, ctx, user, method, client);
    await deleteFlowState(tx, flow.id);
    return session;
  });
}

async function refreshGrant(ctx: AuthContext, c: Context, client: ClientInfo) {
  enforceRequestLimit(ctx.limits, 'tokenRefresh', client.ip);
  const { refresh_token: refreshToken } = await readJson(c, refreshBody);
  return refreshSession(ctx, refreshToken, client);
}

/** POST /token?grant_type=password|refresh_token|pkce (grant_type is a query parameter). */
export function tokenRoutes(ctx: AuthContext) {
  return new Hono<AuthEnv>().post('/token', async (c) => {
    const client = { ip: clientIp(c), userAgent: userAgent(c) };
    const grantType = c.req.query('grant_type');
    switch (grantType) {
      case 'password':
        return c.json(await passwordGrant(ctx, c, client));
      case 'refresh_token':
        return c.json(await refreshGrant(ctx, c, client));
      case 'pkce':
        return c.json(await pkceGrant(ctx, c, client));
      case 'id_token':
      case 'web3':
        throw unprocessable('provider_disabled', `Sign-ins with grant_type=${grantType} are not enabled`);
      default:
        throw badRequest('invalid_credentials', 'unsupported_grant_type');
    }
  });
}
