import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseDuration } from '../config.ts';
import {
  changePassword,
  confirmEmail,
  createEmailUser,
  mergeMetadata,
  randomPassword,
  syncEmailIdentity,
  validateEmail,
} from './accounts.ts';
import type { AuthContext } from './context.ts';
import { audit } from './db/audit.ts';
import type { AdminActor } from './http/authenticate.ts';
import { isUuid } from './http/authenticate.ts';
import { eraseIdentity, listIdentities } from './db/identities.ts';
import { deleteAllFactors } from './db/factors.ts';
import { clearOneTimeTokens } from './db/one-time-tokens.ts';
import type { Queryable } from './db/pool.ts';
import { deleteSessions } from './db/sessions.ts';
import { findUserByEmail, updateUser, ZERO_UUID, type UserRow } from './db/users.ts';
import { badRequest, unprocessable } from './http/errors.ts';
import { flag, jsonObject, text } from './http/request.ts';
import { assertStrongPassword, hashPassword, MAX_PASSWORD_BYTES } from './passwords.ts';

export const adminUserBody = z.object({
  id: text(),
  role: text(),
  email: text(),
  phone: text(),
  password: z.string().nullish(),
  password_hash: text(),
  email_confirm: flag(),
  phone_confirm: flag(),
  user_metadata: jsonObject(),
  app_metadata: jsonObject(),
  ban_duration: text(),
});
export type AdminUserBody = z.output<typeof adminUserBody>;

/** "24h", "90m", "none" (lifts a ban) → the banned_until value to store. */
function bannedUntil(banDuration: string): string | null | undefined {
  if (!banDuration) return undefined;
  if (banDuration === 'none') return null;
  let seconds: number;
  try {
    seconds = parseDuration(banDuration);
  } catch {
    throw badRequest('validation_failed', `invalid format for ban duration: time: invalid duration "${banDuration}"`);
  }
  return seconds === 0 ? null : new Date(Date.now() + seconds * 1000).toISOString();
}

async function assertEmailAvailable(q: Queryable, email: string, exceptUserId?: string) {
  const owner = await findUserByEmail(q, email);
  if (owner && owner.id !== exceptUserId) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
}

async function initialPasswordHash(body: AdminUserBody): Promise<string> {
  if (body.password && body.password_hash) {
    throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
  }
  if (body.password_hash) {
    if (!/^\$2[aby]\$\d\d\$.{53}$/.test(body.password_hash)) {
      throw badRequest('validation_failed', 'Only bcrypt password hashes are supported');
    }
    return body.password_hash;
  }
  const password = body.password || randomPassword();
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    throw badRequest('validation_failed', 'bcrypt: password length exceeds 72 bytes');
  }
  return hashPassword(password);
}

/** Everything POST /admin/users checks before writing. */
export async function validateAdminCreate(q: Queryable, body: AdminUserBody) {
  if (!body.email && !body.phone) {
    throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  }
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  const email = validateEmail(body.email);
  await assertEmailAvailable(q, email);
  if (body.id && !isUuid(body.id)) throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
  if (body.id === ZERO_UUID) throw badRequest('validation_failed', 'ID cannot be a nil uuid');
  return { email, passwordHash: await initialPasswordHash(body), bannedUntil: bannedUntil(body.ban_duration) };
}

export async function adminCreateUser(q: Queryable, ctx: AuthContext, admin: AdminActor, body: AdminUserBody, ip: string) {
  const checked = await validateAdminCreate(q, body);
  let user = await createEmailUser(q, ctx.settings, {
    id: body.id || undefined,
    email: checked.email,
    password: null,
    userMetadata: body.user_metadata ?? {},
    role: body.role,
  });
  user = await updateUser(q, user.id, {
    encrypted_password: checked.passwordHash,
    banned_until: checked.bannedUntil,
    raw_app_meta_data: mergeMetadata(user.raw_app_meta_data, body.app_metadata ?? {}),
  });
  await audit(q, admin, 'user_signedup', ip, { user_id: user.id, user_email: user.email, user_phone: '', provider: 'email' });
  return body.email_confirm ? confirmEmail(q, user) : user;
}

/** PUT /admin/users/{id}: every given field is applied; app and user metadata are merged. */
export async function adminUpdateUser(
  q: Queryable,
  ctx: AuthContext,
  admin: AdminActor,
  user: UserRow,
  body: AdminUserBody,
  ip: string,
) {
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  const email = body.email ? validateEmail(body.email) : '';
  if (email) await assertEmailAvailable(q, email, user.id);
  const banned = bannedUntil(body.ban_duration);
  if (body.password != null) assertStrongPassword(body.password, ctx.settings);
  if (body.role) user = await updateUser(q, user.id, { role: body.role });
  if (body.email_confirm) user = await confirmEmail(q, user);
  if (body.password != null) user = await changePassword(q, user, await hashPassword(body.password), null);
  if (email) {
    await syncEmailIdentity(q, user, email, body.email_confirm);
    user = await updateUser(q, user.id, { email, ...(body.email_confirm ? { is_anonymous: false } : {}) });
  }
  if (body.app_metadata) {
    user = await updateUser(q, user.id, { raw_app_meta_data: mergeMetadata(user.raw_app_meta_data, body.app_metadata) });
  }
  if (body.user_metadata) {
    user = await updateUser(q, user.id, { raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, body.user_metadata) });
  }
  if (banned !== undefined) user = await updateUser(q, user.id, { banned_until: banned });
  await audit(q, admin, 'user_modified', ip, { user_id: user.id, user_email: user.email, user_phone: user.phone });
  return user;
}

const obfuscate = (userId: string, value: string | null) =>
  value ? createHash('sha256').update(userId + value).digest('hex') : value;

/** GoTrue's soft delete: the row stays (for foreign keys) but nothing identifies or admits the user. */
export async function softDeleteUser(q: Queryable, user: UserRow) {
  await updateUser(q, user.id, {
    email: obfuscate(user.id, user.email),
    phone: obfuscate(user.id, user.phone),
    email_change: obfuscate(user.id, user.email_change),
    encrypted_password: null,
    confirmation_token: '',
    recovery_token: '',
    email_change_token_current: '',
    email_change_token_new: '',
    deleted_at: new Date().toISOString(),
    raw_user_meta_data: {},
    raw_app_meta_data: {},
  });
  await clearOneTimeTokens(q, user.id);
  for (const identity of await listIdentities(q, [user.id])) {
    await eraseIdentity(q, identity.id, obfuscate(user.id, identity.provider_id) ?? '');
  }
  await deleteAllFactors(q, user.id);
  await deleteSessions(q, { userId: user.id });
}
