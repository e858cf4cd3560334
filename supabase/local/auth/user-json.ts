import { listFactors, type FactorRow } from './db/factors.ts';
import { listIdentities, type IdentityRow } from './db/identities.ts';
import type { Queryable } from './db/pool.ts';
import type { JsonObject, UserRow } from './db/users.ts';

/** Drops keys whose value is null or undefined (GoTrue's `omitempty` on optional fields). */
function compact(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
}

export function identityJson(identity: IdentityRow): JsonObject {
  return compact({
    identity_id: identity.id,
    id: identity.provider_id,
    user_id: identity.user_id,
    identity_data: identity.identity_data,
    provider: identity.provider,
    last_sign_in_at: identity.last_sign_in_at,
    created_at: identity.created_at,
    updated_at: identity.updated_at,
    email: identity.email,
  });
}

export function factorJson(factor: FactorRow): JsonObject {
  return {
    id: factor.id,
    created_at: factor.created_at,
    updated_at: factor.updated_at,
    status: factor.status,
    ...(factor.friendly_name ? { friendly_name: factor.friendly_name } : {}),
    factor_type: factor.factor_type,
    phone: factor.phone ?? '',
    last_challenged_at: factor.last_challenged_at,
  };
}

/** The user object every Auth endpoint returns (protocols §5.2). */
export function userJson(user: UserRow, identities: IdentityRow[], factors: FactorRow[]): JsonObject {
  const optional = compact({
    email_confirmed_at: user.email_confirmed_at,
    invited_at: user.invited_at,
    phone_confirmed_at: user.phone_confirmed_at,
    confirmation_sent_at: user.confirmation_sent_at,
    confirmed_at: user.confirmed_at,
    recovery_sent_at: user.recovery_sent_at,
    new_email: user.email_change || null,
    email_change_sent_at: user.email_change_sent_at,
    new_phone: user.phone_change || null,
    phone_change_sent_at: user.phone_change_sent_at,
    reauthentication_sent_at: user.reauthentication_sent_at,
    last_sign_in_at: user.last_sign_in_at,
  });
  return {
    id: user.id,
    aud: user.aud ?? 'authenticated',
    role: user.role ?? '',
    email: user.email ?? '',
    phone: user.phone ?? '',
    ...optional,
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: identities.map(identityJson),
    ...(factors.length ? { factors: factors.map(factorJson) } : {}),
    created_at: user.created_at,
    updated_at: user.updated_at,
    ...compact({ banned_until: user.banned_until, deleted_at: user.deleted_at }),
    is_anonymous: user.is_anonymous,
  };
}

/** Loads identities and factors for users and renders them, preserving order. */
export async function usersJson(q: Queryable, users: UserRow[]): Promise<JsonObject[]> {
  const ids = users.map((user) => user.id);
  const [identities, factors] = ids.length ? await Promise.all([listIdentities(q, ids), listFactors(q, ids)]) : [[], []];
  return users.map((user) =>
    userJson(
      user,
      identities.filter((identity) => identity.user_id === user.id),
      factors.filter((factor) => factor.user_id === user.id),
    ),
  );
}

export async function loadUserJson(q: Queryable, user: UserRow): Promise<JsonObject> {
  return (await usersJson(q, [user]))[0];
}
