import { randomUUID } from 'node:crypto';
import type { Queryable } from './pool.ts';

export type JsonObject = Record<string, unknown>;

/** A row of auth.users. Token columns may be NULL when the row came from a SQL seed. */
export interface UserRow {
  id: string;
  instance_id: string | null;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  invited_at: string | null;
  confirmation_token: string | null;
  confirmation_sent_at: string | null;
  recovery_token: string | null;
  recovery_sent_at: string | null;
  email_change_token_new: string | null;
  email_change: string | null;
  email_change_sent_at: string | null;
  email_change_token_current: string | null;
  email_change_confirm_status: number | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: JsonObject | null;
  raw_user_meta_data: JsonObject | null;
  created_at: string | null;
  updated_at: string | null;
  phone: string | null;
  phone_confirmed_at: string | null;
  phone_change: string | null;
  phone_change_sent_at: string | null;
  confirmed_at: string | null;
  banned_until: string | null;
  reauthentication_token: string | null;
  reauthentication_sent_at: string | null;
  is_sso_user: boolean;
  deleted_at: string | null;
  is_anonymous: boolean;
}

/** Columns handlers may write; `updateUser` refuses anything else. */
const WRITABLE = new Set<string>([
  'aud', 'role', 'email', 'encrypted_password', 'email_confirmed_at', 'invited_at', 'confirmation_token',
  'confirmation_sent_at', 'recovery_token', 'recovery_sent_at', 'email_change_token_new', 'email_change',
  'email_change_sent_at', 'email_change_token_current', 'email_change_confirm_status', 'last_sign_in_at',
  'raw_app_meta_data', 'raw_user_meta_data', 'phone', 'phone_confirmed_at', 'banned_until',
  'reauthentication_token', 'reauthentication_sent_at', 'deleted_at', 'is_anonymous',
]);
const JSON_COLUMNS = new Set(['raw_app_meta_data', 'raw_user_meta_data']);

export type UserPatch = Partial<Omit<UserRow, 'id' | 'confirmed_at' | 'created_at' | 'updated_at'>>;

/** GoTrue writes the zero instance id; seeds may leave it NULL. Both belong to this instance. */
export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
const IN_INSTANCE = `(instance_id is null or instance_id = '${ZERO_UUID}')`;
const IN_AUDIENCE = `coalesce(aud, 'authenticated') = $2`;

const one = async (q: Queryable, sql: string, values: unknown[]) =>
  (await q.query<UserRow>(sql, values)).rows[0] ?? null;

export function findUserById(q: Queryable, id: string, forUpdate = false): Promise<UserRow | null> {
  return one(q, `select * from auth.users where id = $1${forUpdate ? ' for update' : ''}`, [id]);
}

export function findUserByEmail(q: Queryable, email: string, aud = 'authenticated'): Promise<UserRow | null> {
  return one(
    q,
    `select * from auth.users where lower(email) = lower($1) and ${IN_AUDIENCE} and ${IN_INSTANCE}
       and is_sso_user = false order by created_at limit 1`,
    [email, aud],
  );
}

/** Finds the user holding a hashed token (with or without the PKCE prefix) in a token column. */
export function findUserByTokenColumn(
  q: Queryable,
  column: 'confirmation_token' | 'recovery_token' | 'email_change_token_new' | 'email_change_token_current',
  tokenHash: string,
): Promise<UserRow | null> {
  return one(q, `select * from auth.users where ${column} in ($1::text, 'pkce_' || $1::text) and ${IN_INSTANCE} limit 1`, [
    tokenHash,
  ]);
}

/** Email-change verification by address: either half of the change, depending on the address. */
export function findUserForEmailChange(q: Queryable, email: string, tokenHash: string): Promise<UserRow | null> {
  return one(
    q,
    `select * from auth.users where ${IN_INSTANCE} and (
       (lower(email) = lower($1) and email_change_token_current = $2)
       or (lower(email_change) = lower($1) and email_change_token_new = $2)) limit 1`,
    [email, tokenHash],
  );
}

export interface NewUser {
  id?: string;
  email: string | null;
  phone?: string | null;
  encryptedPassword: string | null;
  userMetadata: JsonObject;
  appMetadata: JsonObject;
  isAnonymous?: boolean;
  aud: string;
  role: string;
}

export async function insertUser(q: Queryable, user: NewUser): Promise<UserRow> {
  const { rows } = await q.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password, raw_app_meta_data,
       raw_user_meta_data, is_anonymous, is_super_admin, created_at, updated_at, confirmation_token, recovery_token,
       email_change_token_new, email_change, email_change_token_current, reauthentication_token)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, now(), now(), '', '', '', '', '', '')
     returning *`,
    [
      ZERO_UUID, user.id ?? randomUUID(), user.aud, user.role, user.email, user.phone ?? null,
      user.encryptedPassword ?? '', JSON.stringify(user.appMetadata), JSON.stringify(user.userMetadata),
      user.isAnonymous ?? false,
    ],
  );
  return rows[0];
}

/** Writes the given columns (and updated_at) and returns the new row. */
export async function updateUser(q: Queryable, id: string, patch: UserPatch): Promise<UserRow> {
  const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
  for (const [column] of entries) {
    if (!WRITABLE.has(column)) throw new Error(`auth.users.${column} is not writable`);
  }
  const assignments = entries.map(([column], i) => `${column} = $${i + 2}`);
  const values = entries.map(([column, value]) => (JSON_COLUMNS.has(column) ? JSON.stringify(value) : value));
  const { rows } = await q.query<UserRow>(
    `update auth.users set ${[...assignments, 'updated_at = now()'].join(', ')} where id = $1 returning *`,
    [id, ...values],
  );
  if (!rows[0]) throw new Error(`user ${id} vanished during an update`);
  return rows[0];
}

export async function deleteUser(q: Queryable, id: string): Promise<void> {
  await q.query('delete from auth.users where id = $1', [id]);
}

export function isEmailConfirmed(user: UserRow): boolean {
  return user.email_confirmed_at !== null;
}

export function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && Date.parse(user.banned_until) > Date.now();
}

export function hasPassword(user: UserRow): boolean {
  return Boolean(user.encrypted_password);
}

const MATCHES_FILTER = `($2 = '' or email ilike '%' || $2 || '%' or raw_user_meta_data->>'full_name' ilike '%' || $2 || '%')`;

/** A page of the instance's users, newest first, optionally filtered by email or full name. */
export async function listUsers(q: Queryable, page: { offset: number; limit: number; filter: string }) {
  const { rows } = await q.query<UserRow>(
    `select * from auth.users where ${IN_INSTANCE} and coalesce(aud, 'authenticated') = $1 and ${MATCHES_FILTER}
     order by created_at desc, id limit $3 offset $4`,
    ['authenticated', page.filter, page.limit, page.offset],
  );
  return rows;
}

export async function countUsers(q: Queryable, filter: string): Promise<number> {
  const { rows } = await q.query<{ total: string }>(
    `select count(*) as total from auth.users where ${IN_INSTANCE} and coalesce(aud, 'authenticated') = $1 and ${MATCHES_FILTER}`,
    ['authenticated', filter],
  );
  return Number(rows[0].total);
}
