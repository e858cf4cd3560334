import { randomBytes } from 'node:crypto';
import { clearOneTimeTokens } from './db/one-time-tokens.ts';
import { findIdentity, insertEmailIdentity, mergeIdentityData, providersOf } from './db/identities.ts';
import type { Queryable } from './db/pool.ts';
import { deleteSessions } from './db/sessions.ts';
import { insertUser, updateUser, type JsonObject, type UserRow } from './db/users.ts';
import { badRequest } from './http/errors.ts';
import { hashPassword } from './passwords.ts';
import type { AuthSettings } from './settings.ts';

/** The address syntax GoTrue accepts (checkmail.ValidateFormat). */
const EMAIL_FORMAT =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Validates and lower-cases an email address. */
export function validateEmail(email: string): string {
  if (!email) throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_FORMAT.test(email)) throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

/** Merges metadata the way GoTrue does: keys set to null are removed, others overwrite. */
export function mergeMetadata(current: JsonObject | null, updates: JsonObject): JsonObject {
  const merged: JsonObject = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** A random password for accounts created without one (magic-link sign-ups, admin-created users). */
export const randomPassword = () => randomBytes(32).toString('base64url');

export interface NewEmailUser {
  email: string;
  password: string | null;
  userMetadata: JsonObject;
  id?: string;
  role?: string;
}

/** Inserts an email user with its `email` identity (signup data is copied into identity_data). */
export async function createEmailUser(q: Queryable, settings: AuthSettings, params: NewEmailUser): Promise<UserRow> {
  const user = await insertUser(q, {
    id: params.id,
    email: params.email,
    encryptedPassword: params.password ? await hashPassword(params.password) : null,
    userMetadata: params.userMetadata,
    appMetadata: { provider: 'email', providers: ['email'] },
    aud: settings.audience,
    role: params.role || settings.defaultRole,
  });
  await insertEmailIdentity(q, user, params.email, { signupData: params.userMetadata });
  return user;
}

/** Marks the email confirmed (GoTrue's User.Confirm): clears the token, sets email_verified. */
export async function confirmEmail(q: Queryable, user: UserRow): Promise<UserRow> {
  const confirmed = await updateUser(q, user.id, {
    confirmation_token: '',
    email_confirmed_at: new Date().toISOString(),
    raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, { email_verified: true }),
  });
  await clearOneTimeTokens(q, user.id);
  return confirmed;
}

/** Points the user's email identity at `email` (creating it when missing). */
export async function syncEmailIdentity(q: Queryable, user: UserRow, email: string, verified: boolean) {
  const identity = await findIdentity(q, user.id, 'email');
  if (identity) await mergeIdentityData(q, identity.id, { email, email_verified: verified });
  else await insertEmailIdentity(q, user, email, { verified });
}

/** Rewrites app_metadata.providers (and provider) from the user's identities. */
export async function syncProviders(q: Queryable, user: UserRow): Promise<UserRow> {
  const providers = await providersOf(q, user.id);
  const updates: JsonObject = { providers };
  if (providers.length) updates.provider = providers[0];
  return updateUser(q, user.id, { raw_app_meta_data: mergeMetadata(user.raw_app_meta_data, updates) });
}

/**
 * Stores a new password hash (GoTrue's User.UpdatePassword): every outstanding emailed token is
 * void, and every other session ends, so a leaked session cannot outlive a password change.
 */
export async function changePassword(
  q: Queryable,
  user: UserRow,
  encryptedPassword: string,
  keepSessionId: string | null,
): Promise<UserRow> {
  const updated = await updateUser(q, user.id, {
    encrypted_password: encryptedPassword,
    confirmation_token: '',
    confirmation_sent_at: null,
    recovery_token: '',
    recovery_sent_at: null,
    email_change_token_current: '',
    email_change_token_new: '',
    email_change_sent_at: null,
    reauthentication_token: '',
    reauthentication_sent_at: null,
  });
  await clearOneTimeTokens(q, user.id);
  await deleteSessions(q, keepSessionId ? { userId: user.id, except: keepSessionId } : { userId: user.id });
  return updated;
}
