import { changePassword, mergeMetadata } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { audit } from './db/audit.ts';
import { hasVerifiedFactor } from './db/factors.ts';
import { findIdentity, insertEmailIdentity } from './db/identities.ts';
import type { Queryable } from './db/pool.ts';
import type { SessionRow } from './db/sessions.ts';
import { findUserByEmail, hasPassword, updateUser, type JsonObject, type UserRow } from './db/users.ts';
import { AuthError, badRequest, unprocessable } from './http/errors.ts';
import { sendEmailChange } from './mail/send.ts';
import { isExpired, storedTokenMatches, tokenHash } from './otp.ts';
import { hashPassword, passwordMatches } from './passwords.ts';
import { startPkceFlow, type PkceChallenge } from './pkce.ts';
import { confirmEmailChange } from './verification.ts';

export interface UserUpdate {
  email: string;
  password: string | null;
  nonce: string;
  data: JsonObject | null;
  pkce: PkceChallenge | null;
  redirectTo: string;
  ip: string;
}

/** With a verified factor, email and password changes need an aal2 session. */
async function assertAssuranceFor(q: Queryable, user: UserRow, session: SessionRow | null, update: UserUpdate) {
  const sensitive = Boolean(update.password) || (update.email && update.email !== user.email);
  if (!sensitive || session?.aal === 'aal2' || !(await hasVerifiedFactor(q, user.id))) return;
  throw new AuthError(401, 'insufficient_aal', 'AAL2 session is required to update email or password when MFA is enabled.');
}

/** `secure_password_change`: sessions older than a day must present the emailed nonce. */
async function assertReauthenticated(q: Queryable, ctx: AuthContext, user: UserRow, session: SessionRow | null, nonce: string) {
  if (!ctx.settings.email.securePasswordChange) return;
  if (session && Date.parse(session.created_at) + 24 * 3600 * 1000 > Date.now()) return;
  if (!nonce) throw badRequest('reauthentication_needed', 'Password update requires reauthentication');
  const valid =
    storedTokenMatches(user.reauthentication_token, tokenHash(user.email ?? '', nonce)) &&
    !isExpired(user.reauthentication_sent_at, ctx.settings.email.otpExpiry);
  if (!valid) throw unprocessable('reauthentication_not_valid', 'Nonce has expired or is invalid');
  await updateUser(q, user.id, { reauthentication_token: '', reauthentication_sent_at: null });
}

/** Checks done before anything is written (GoTrue's UserUpdate preamble). */
export async function validateUserUpdate(q: Queryable, user: UserRow, session: SessionRow | null, update: UserUpdate) {
  await assertAssuranceFor(q, user, session, update);
  if (user.is_anonymous && update.password && !update.email) {
    throw unprocessable(
      'validation_failed',
      'Updating password of an anonymous user without an email or phone is not allowed',
    );
  }
  if (update.email && update.email !== user.email) {
    const owner = await findUserByEmail(q, update.email);
    if (owner && owner.id !== user.id) {
      throw unprocessable('email_exists', 'A user with this email address has already been registered');
    }
  }
  if (update.password && hasPassword(user) && (await passwordMatches(update.password, user.encrypted_password))) {
    throw unprocessable('same_password', 'New password should be different from the old password.');
  }
}

async function updatePassword(q: Queryable, ctx: AuthContext, user: UserRow, session: SessionRow | null, update: UserUpdate) {
  const password = update.password ?? '';
  await assertReauthenticated(q, ctx, user, session, update.nonce);
  const addingFirstPassword = Boolean(password) && !hasPassword(user);
  const updated = await changePassword(q, user, password ? await hashPassword(password) : '', session?.id ?? null);
  await audit(q, updated, 'user_updated_password', update.ip);
  if (addingFirstPassword && updated.email && !(await findIdentity(q, user.id, 'email'))) {
    await insertEmailIdentity(q, updated, updated.email);
  }
  return updated;
}

async function startEmailChange(q: Queryable, ctx: AuthContext, user: UserRow, update: UserUpdate) {
  if (user.is_anonymous && !ctx.settings.email.enableConfirmations) {
    // Without confirmations an anonymous user's new address takes effect at once.
    const pending = await updateUser(q, user.id, { email_change: update.email });
    return (await confirmEmailChange(q, ctx, { user: pending, type: 'email_change', hash: '' }, update.ip)) ?? pending;
  }
  if (update.pkce) await startPkceFlow(q, user.id, 'email_change', update.pkce);
  return sendEmailChange(q, ctx, user, update.email, { ip: update.ip, redirectTo: update.redirectTo, pkce: Boolean(update.pkce) });
}

/** Applies PUT /user inside a transaction and returns the updated row. */
export async function applyUserUpdate(
  q: Queryable,
  ctx: AuthContext,
  user: UserRow,
  session: SessionRow | null,
  update: UserUpdate,
): Promise<UserRow> {
  if (update.password !== null) user = await updatePassword(q, ctx, user, session, update);
  if (update.data) {
    user = await updateUser(q, user.id, { raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, update.data) });
  }
  if (update.email && update.email !== user.email) user = await startEmailChange(q, ctx, user, update);
  await audit(q, user, 'user_modified', update.ip);
  return user;
}
