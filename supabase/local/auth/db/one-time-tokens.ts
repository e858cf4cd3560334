import { randomUUID } from 'node:crypto';
import type { Queryable } from './pool.ts';

export type OneTimeTokenType =
  | 'confirmation_token'
  | 'reauthentication_token'
  | 'recovery_token'
  | 'email_change_token_new'
  | 'email_change_token_current';

/** Mirrors a hashed token into auth.one_time_tokens (one per user and type), as GoTrue does. */
export async function saveOneTimeToken(
  q: Queryable,
  userId: string,
  type: OneTimeTokenType,
  tokenHash: string,
  relatesTo: string,
) {
  await q.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [userId, type]);
  await q.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
     values ($1, $2, $3, $4, $5)`,
    [randomUUID(), userId, type, tokenHash, relatesTo.toLowerCase()],
  );
}

export async function clearOneTimeTokens(q: Queryable, userId: string, type?: OneTimeTokenType) {
  if (type) await q.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [userId, type]);
  else await q.query('delete from auth.one_time_tokens where user_id = $1', [userId]);
}
