import { randomUUID } from 'node:crypto';
import type { Queryable } from './pool.ts';

export interface FlowStateRow {
  id: string;
  user_id: string | null;
  auth_code: string;
  code_challenge_method: 's256' | 'plain';
  code_challenge: string;
  authentication_method: string;
  created_at: string;
}

export async function insertFlowState(
  q: Queryable,
  params: { userId: string; method: string; challenge: string; challengeMethod: 's256' | 'plain' },
) {
  await q.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
       created_at, updated_at, authentication_method)
     values ($1, $2, $3, $4, $5, $6, now(), now(), $6)`,
    [randomUUID(), params.userId, randomUUID(), params.challengeMethod, params.challenge, params.method],
  );
}

export async function findFlowStateByCode(q: Queryable, authCode: string): Promise<FlowStateRow | null> {
  const { rows } = await q.query<FlowStateRow>('select * from auth.flow_state where auth_code = $1', [authCode]);
  return rows[0] ?? null;
}

/** The newest flow state of a user for an authentication method; marks its code as issued. */
export async function issueAuthCode(q: Queryable, userId: string, method: string): Promise<string | null> {
  const { rows } = await q.query<{ auth_code: string }>(
    `update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
     where id = (select id from auth.flow_state where user_id = $1 and authentication_method = $2
                 order by created_at desc limit 1)
     returning auth_code`,
    [userId, method],
  );
  return rows[0]?.auth_code ?? null;
}

export async function deleteFlowState(q: Queryable, id: string) {
  await q.query('delete from auth.flow_state where id = $1', [id]);
}
