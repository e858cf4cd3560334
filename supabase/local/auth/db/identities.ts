import type { Queryable } from './pool.ts';
import type { JsonObject, UserRow } from './users.ts';

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: JsonObject;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  email: string | null;
}

export function listIdentities(q: Queryable, userIds: string[]): Promise<IdentityRow[]> {
  return q
    .query<IdentityRow>('select * from auth.identities where user_id = any($1::uuid[]) order by created_at', [userIds])
    .then((result) => result.rows);
}

export async function findIdentity(q: Queryable, userId: string, provider: string): Promise<IdentityRow | null> {
  const { rows } = await q.query<IdentityRow>(
    'select * from auth.identities where provider_id = $1 and provider = $2',
    [userId, provider],
  );
  return rows[0] ?? null;
}

/**
 * The `email` identity GoTrue creates for password users: provider_id is the user id, and signup
 * data fills identity_data keys the identity does not define itself.
 */
export async function insertEmailIdentity(
  q: Queryable,
  user: UserRow,
  email: string,
  options: { verified?: boolean; signupData?: JsonObject } = {},
): Promise<IdentityRow> {
  const data = { ...options.signupData, sub: user.id, email, email_verified: options.verified ?? false, phone_verified: false };
  const { rows } = await q.query<IdentityRow>(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1::text, $1::uuid, $2, 'email', now(), now(), now()) returning *`,
    [user.id, JSON.stringify(data)],
  );
  return rows[0];
}

/** Merges keys into identity_data; a null value removes the key. */
export async function mergeIdentityData(q: Queryable, identityId: string, updates: JsonObject): Promise<void> {
  const removals = Object.keys(updates).filter((key) => updates[key] === null);
  const additions = Object.fromEntries(Object.entries(updates).filter(([, value]) => value !== null));
  await q.query(
    `update auth.identities set identity_data = (identity_data - $2::text[]) || $3::jsonb, updated_at = now()
     where id = $1`,
    [identityId, removals, JSON.stringify(additions)],
  );
}

/** Providers the user can sign in with, in creation order (feeds app_metadata.providers). */
export async function providersOf(q: Queryable, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ provider: string }>(
    'select provider from auth.identities where user_id = $1 group by provider order by min(created_at)',
    [userId],
  );
  return rows.map((row) => row.provider);
}

/** Soft-deleted users keep their identities, emptied and with an unusable provider id. */
export async function eraseIdentity(q: Queryable, identityId: string, obfuscatedProviderId: string) {
  await q.query(`update auth.identities set identity_data = '{}', provider_id = $2, updated_at = now() where id = $1`, [
    identityId,
    obfuscatedProviderId,
  ]);
}
