import { randomUUID } from 'node:crypto';
import type { Queryable } from './pool.ts';
import { type JsonObject, type UserRow, ZERO_UUID } from './users.ts';

/** Appends to auth.audit_log_entries with GoTrue's payload shape. */
export async function audit(
  q: Queryable,
  actor: Pick<UserRow, 'id' | 'email' | 'phone' | 'raw_user_meta_data'> | { id: string; email: string },
  action: string,
  ipAddress: string,
  traits?: JsonObject,
) {
  const phone = 'phone' in actor ? actor.phone : null;
  const metadata = 'raw_user_meta_data' in actor ? actor.raw_user_meta_data : null;
  const payload: JsonObject = {
    actor_id: actor.id,
    actor_via_sso: false,
    actor_username: phone || actor.email || '',
    action,
    log_type: LOG_TYPES[action] ?? 'user',
  };
  if (metadata?.full_name !== undefined) payload.actor_name = metadata.full_name;
  if (traits) payload.traits = traits;
  await q.query(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
     values ($1, $2, $3, now(), $4)`,
    [ZERO_UUID, randomUUID(), JSON.stringify(payload), ipAddress],
  );
}

const LOG_TYPES: Record<string, string> = {
  login: 'account',
  logout: 'account',
  user_signedup: 'team',
  user_invited: 'team',
  user_deleted: 'team',
  token_revoked: 'token',
  token_refreshed: 'token',
  factor_in_progress: 'factor',
  factor_unenrolled: 'factor',
  challenge_created: 'factor',
  verification_attempted: 'factor',
  factor_deleted: 'factor',
};
