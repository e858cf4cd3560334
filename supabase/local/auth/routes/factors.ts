import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { deleteFactor, findChallenge, findFactor, insertChallenge, insertTotpFactor } from '../db/factors.ts';
import { transaction } from '../db/pool.ts';
import { isUuid, requireNotAnonymous, requireUser, type AuthEnv, type Principal } from '../http/authenticate.ts';
import { badRequest, internalError, notFound, unprocessable } from '../http/errors.ts';
import { clientIp, readJson, text } from '../http/request.ts';
import { assertCanEnroll, completeTotpVerification, usableChallenge } from '../mfa.ts';
import { enforceRequestLimit } from '../rate-limit.ts';
import { newTotpEnrollment, totpCodeMatches } from '../totp.ts';

const enrollBody = z.object({ factor_type: text(), friendly_name: text(), issuer: text(), phone: text() });
const verifyBody = z.object({ challenge_id: text(), code: text() });

const FACTOR_TYPES = ['totp', 'phone', 'webauthn'];
const unknownFactorType = () => badRequest('validation_failed', 'factor_type needs to be totp, phone, or webauthn');

/** Only TOTP is offered locally; phone and WebAuthn answer as disabled, like an unconfigured project. */
function assertTotp(ctx: AuthContext, type: string, step: 'enroll' | 'verify') {
  if (!FACTOR_TYPES.includes(type)) throw unknownFactorType();
  const enabled = step === 'enroll' ? ctx.settings.mfa.totpEnrollEnabled : ctx.settings.mfa.totpVerifyEnabled;
  if (type === 'totp' && enabled) return;
  const label = { totp: 'TOTP', phone: 'Phone', webauthn: 'WebAuthn' }[type];
  const verb = step === 'enroll' ? 'enroll' : 'verification';
  throw unprocessable(`mfa_${type}_${step}_not_enabled`, `MFA ${verb} is disabled for ${label}`);
}

function requireSession(principal: Principal) {
  if (!principal.session) throw internalError('A valid session and a registered user are required to enroll a factor');
  return principal.session;
}

async function loadFactor(ctx: AuthContext, c: Context<AuthEnv>) {
  const factorId = c.req.param('factorId') ?? '';
  if (!isUuid(factorId)) throw notFound('validation_failed', 'factor_id must be an UUID');
  const factor = await findFactor(ctx.pool, c.get('principal').user.id, factorId);
  if (!factor) throw notFound('mfa_factor_not_found', 'Factor not found');
  return factor;
}

function siteHost(siteUrl: string): string {
  try {
    return new URL(siteUrl).host;
  } catch {
    throw internalError('site url is improperly formatted');
  }
}

/** TOTP MFA: enroll, challenge, verify (→ aal2) and unenroll. */
export function factorRoutes(ctx: AuthContext) {
  const app = new Hono<AuthEnv>();
  // '/factors/*' also matches '/factors' itself.
  app.use('/factors/*', requireUser(ctx), requireNotAnonymous());

  app.post('/factors', async (c) => {
    const principal = c.get('principal');
    const session = requireSession(principal);
    const body = await readJson(c, enrollBody);
    assertTotp(ctx, body.factor_type, 'enroll');
    const issuer = body.issuer || siteHost(ctx.settings.siteUrl);
    const enrollment = await newTotpEnrollment(issuer, principal.user.email ?? '');
    const factor = await transaction(ctx.pool, async (tx) => {
      await assertCanEnroll(tx, ctx, principal.user, session, body.friendly_name);
      const created = await insertTotpFactor(tx, principal.user.id, body.friendly_name, enrollment.secret);
      await audit(tx, principal.user, 'factor_in_progress', clientIp(c), { factor_id: created.id });
      return created;
    });
    const totp = { qr_code: enrollment.qrCode, secret: enrollment.secret, uri: enrollment.uri };
    return c.json({ id: factor.id, type: 'totp', friendly_name: factor.friendly_name ?? '', totp });
  });

  app.post('/factors/:factorId/challenge', async (c) => {
    const ip = clientIp(c);
    enforceRequestLimit(ctx.limits, 'mfa', ip);
    const factor = await loadFactor(ctx, c);
    assertTotp(ctx, factor.factor_type, 'verify');
    const user = c.get('principal').user;
    const challenge = await transaction(ctx.pool, async (tx) => {
      const created = await insertChallenge(tx, factor.id, ip);
      await audit(tx, user, 'challenge_created', ip, { factor_id: factor.id, factor_status: factor.status });
      return created;
    });
    const expiresAt = Math.floor(Date.parse(challenge.created_at) / 1000) + ctx.settings.mfa.challengeExpirySeconds;
    return c.json({ id: challenge.id, type: factor.factor_type, expires_at: expiresAt });
  });

  app.post('/factors/:factorId/verify', async (c) => {
    const ip = clientIp(c);
    enforceRequestLimit(ctx.limits, 'mfa', ip);
    const factor = await loadFactor(ctx, c);
    const body = await readJson(c, verifyBody);
    if (!body.code) throw badRequest('validation_failed', 'Code needs to be non-empty');
    assertTotp(ctx, factor.factor_type, 'verify');
    const { user } = c.get('principal');
    const found = isUuid(body.challenge_id) ? await findChallenge(ctx.pool, factor.id, body.challenge_id) : null;
    const challenge = await usableChallenge(ctx.pool, ctx, found, ip);
    if (!totpCodeMatches(factor.secret ?? '', body.code)) {
      throw unprocessable('mfa_verification_failed', 'Invalid TOTP code entered');
    }
    const sessionId = requireSession(c.get('principal')).id;
    return c.json(
      await transaction(ctx.pool, (tx) => completeTotpVerification(tx, ctx, user, sessionId, factor, challenge, ip)),
    );
  });

  app.delete('/factors/:factorId', async (c) => {
    const factor = await loadFactor(ctx, c);
    const principal = c.get('principal');
    const session = requireSession(principal);
    if (factor.status === 'verified' && session.aal !== 'aal2') {
      throw unprocessable('insufficient_aal', 'AAL2 required to unenroll verified factor');
    }
    await transaction(ctx.pool, async (tx) => {
      await deleteFactor(tx, factor);
      const traits = { factor_id: factor.id, factor_status: factor.status, session_id: session.id };
      await audit(tx, principal.user, 'factor_unenrolled', clientIp(c), traits);
    });
    return c.json({ id: factor.id });
  });

  return app;
}
