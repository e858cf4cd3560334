import { confirmEmail, syncEmailIdentity, randomPassword, syncProviders } from './accounts.ts';
import type { AuthContext } from './context.ts';
import { audit } from './db/audit.ts';
import { listIdentities, mergeIdentityData } from './db/identities.ts';
import { clearOneTimeTokens } from './db/one-time-tokens.ts';
import type { Queryable } from './db/pool.ts';
import {
  findUserByEmail,
  findUserByTokenColumn,
  findUserForEmailChange,
  hasPassword,
  isBanned,
  isEmailConfirmed,
  updateUser,
  type UserRow,
} from './db/users.ts';
import { badRequest, forbidden } from './http/errors.ts';
import { hashPassword } from './passwords.ts';
import { isExpired, storedTokenMatches, tokenHash } from './otp.ts';

/** The email verification types; `email` resolves to `signup` or `magiclink` by the token found. */
export type EmailVerifyType = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change' | 'email';
export type ResolvedVerifyType = Exclude<EmailVerifyType, 'email'>;

export interface TokenMatch {
  user: UserRow;
  type: ResolvedVerifyType;
  /** The hash that matched (decides which half of a double email change it confirms). */
  hash: string;
}

const EMAIL_TYPES = new Set<string>(['signup', 'invite', 'magiclink', 'recovery', 'email_change', 'email']);
export const isEmailVerifyType = (type: string): type is EmailVerifyType => EMAIL_TYPES.has(type);

const linkInvalid = () => forbidden('otp_expired', 'Email link is invalid or has expired');
const codeInvalid = () => forbidden('otp_expired', 'Token has expired or is invalid');

/** Which (token, sent-at) pairs a type may match, in GoTrue's order. */
function candidates(user: UserRow, type: EmailVerifyType) {
  const confirmation = { type: 'signup' as const, token: user.confirmation_token, sentAt: user.confirmation_sent_at };
  const recovery = { type: 'magiclink' as const, token: user.recovery_token, sentAt: user.recovery_sent_at };
  const changeSentAt = user.email_change_sent_at;
  switch (type) {
    case 'email':
      return [confirmation, recovery];
    case 'signup':
    case 'invite':
      return [{ ...confirmation, type }];
    case 'recovery':
    case 'magiclink':
      return [{ ...recovery, type }];
    case 'email_change':
      return [
        { type, token: user.email_change_token_current, sentAt: changeSentAt },
        { type, token: user.email_change_token_new, sentAt: changeSentAt },
      ];
  }
}

function matchToken(ctx: AuthContext, user: UserRow, type: EmailVerifyType, hash: string): TokenMatch | null {
  const lifetime = ctx.settings.email.otpExpiry;
  const found = candidates(user, type).find((c) => storedTokenMatches(c.token, hash) && !isExpired(c.sentAt, lifetime));
  return found ? { user, type: found.type, hash } : null;
}

async function findUserByHash(q: Queryable, type: EmailVerifyType, hash: string): Promise<UserRow | null> {
  if (type === 'email') {
    return (await findUserByTokenColumn(q, 'confirmation_token', hash)) ?? findUserByTokenColumn(q, 'recovery_token', hash);
  }
  if (type === 'signup' || type === 'invite') return findUserByTokenColumn(q, 'confirmation_token', hash);
  if (type === 'email_change') {
    return (await findUserByTokenColumn(q, 'email_change_token_new', hash)) ?? findUserByTokenColumn(q, 'email_change_token_current', hash);
  }
  return findUserByTokenColumn(q, 'recovery_token', hash);
}

/** `{type, token_hash}` (and the link in emails): the hash alone identifies the user. */
export async function matchTokenHash(q: Queryable, ctx: AuthContext, type: string, hash: string): Promise<TokenMatch> {
  if (!isEmailVerifyType(type)) throw badRequest('validation_failed', 'Invalid email verification type');
  const user = await findUserByHash(q, type, hash);
  if (!user) throw linkInvalid();
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  const match = matchToken(ctx, user, type, hash);
  if (!match) throw linkInvalid();
  return match;
}

/** `{type, email, token}`: the code typed by the user, hashed with the address it was sent to. */
export async function matchEmailCode(q: Queryable, ctx: AuthContext, type: string, email: string, code: string) {
  const hash = tokenHash(email, code);
  const user = type === 'email_change' ? await findUserForEmailChange(q, email, hash) : await findUserByEmail(q, email);
  if (!user) throw codeInvalid();
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  const match = isEmailVerifyType(type) ? matchToken(ctx, user, type, hash) : null;
  if (!match) throw codeInvalid();
  return match;
}

async function confirmSignup(q: Queryable, user: UserRow, ip: string): Promise<UserRow> {
  if (!hasPassword(user) && user.invited_at) {
    user = await updateUser(q, user.id, { encrypted_password: await hashPassword(randomPassword()) });
  }
  await audit(q, user, 'user_signedup', ip, { provider: 'email' });
  const confirmed = await confirmEmail(q, user);
  for (const identity of await listIdentities(q, [user.id])) {
    if (confirmed.email && identity.email === confirmed.email) {
      await mergeIdentityData(q, identity.id, { email_verified: true });
    }
  }
  return confirmed;
}

async function confirmRecovery(q: Queryable, user: UserRow, ip: string): Promise<UserRow> {
  const recovered = await updateUser(q, user.id, { recovery_token: '' });
  await clearOneTimeTokens(q, user.id);
  if (isEmailConfirmed(recovered)) {
    await audit(q, recovered, 'login', ip);
    return recovered;
  }
  await audit(q, recovered, 'user_signedup', ip, { provider: 'email' });
  return confirmEmail(q, recovered);
}

/**
 * Confirms an email change. With `double_confirm_changes` the first verified half only records
 * itself and null is returned (GoTrue answers that with a message, not a session).
 */
export async function confirmEmailChange(q: Queryable, ctx: AuthContext, match: TokenMatch, ip: string) {
  const { user, hash } = match;
  const { enableConfirmations, doubleConfirmChanges } = ctx.settings.email;
  if (enableConfirmations && doubleConfirmChanges && !user.email_change_confirm_status && user.email) {
    const confirmsCurrent = storedTokenMatches(user.email_change_token_current, hash);
    await updateUser(q, user.id, {
      email_change_confirm_status: 1,
      ...(confirmsCurrent ? { email_change_token_current: '' } : { email_change_token_new: '' }),
    });
    await clearOneTimeTokens(q, user.id, confirmsCurrent ? 'email_change_token_current' : 'email_change_token_new');
    return null;
  }
  const newEmail = user.email_change ?? '';
  await audit(q, user, 'user_modified', ip);
  await syncEmailIdentity(q, user, newEmail, true);
  const changed = await updateUser(q, user.id, {
    email: newEmail,
    email_change: '',
    email_change_token_current: '',
    email_change_token_new: '',
    email_change_confirm_status: 0,
    is_anonymous: false,
  });
  await clearOneTimeTokens(q, user.id);
  return isEmailConfirmed(changed) ? changed : confirmEmail(q, changed);
}

/** Applies a verified token; null means "first half of a double email change accepted". */
export async function applyVerification(q: Queryable, ctx: AuthContext, match: TokenMatch, ip: string) {
  let user: UserRow | null;
  if (match.type === 'signup' || match.type === 'invite') user = await confirmSignup(q, match.user, ip);
  else if (match.type === 'email_change') user = await confirmEmailChange(q, ctx, match, ip);
  else user = await confirmRecovery(q, match.user, ip);
  return user && syncProviders(q, user);
}
