/**
 * Private-channel authorization: RLS policies on realtime.messages decide. Reads are probed by
 * inserting one row per extension as the owner and selecting them back as the user; writes by
 * inserting as the user. Every check runs in a transaction that is rolled back.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inRolledBackTransaction } from './database.ts';
import type { RealtimeClaims } from './tokens.ts';

export type Extension = 'broadcast' | 'presence';

export interface AuthorizationContext {
  subTopic: string;
  claims: RealtimeClaims;
  /** `x-*` headers of the upgrade request, exposed to policies as `request.headers`. */
  headers: Record<string, string>;
}

export interface ReadAccess {
  broadcast: boolean;
  /** null when presence was not enabled at join and so not checked. */
  presence: boolean | null;
}

const INSUFFICIENT_PRIVILEGE = '42501';

async function actAs(client: pg.PoolClient, context: AuthorizationContext) {
  const { claims, subTopic, headers } = context;
  await client.query(
    `select set_config('role', $1, true), set_config('realtime.topic', $2, true),
            set_config('request.jwt.claims', $3, true), set_config('request.jwt.claim.sub', $4, true),
            set_config('request.jwt.claim.role', $1, true), set_config('request.headers', $5, true)`,
    [claims.role, subTopic, JSON.stringify(claims), typeof claims.sub === 'string' ? claims.sub : '', JSON.stringify(headers)],
  );
}

export async function checkReadAccess(pool: pg.Pool, context: AuthorizationContext, withPresence: boolean): Promise<ReadAccess> {
  const extensions: Extension[] = withPresence ? ['broadcast', 'presence'] : ['broadcast'];
  const probes = extensions.map((extension) => ({ extension, id: randomUUID() }));
  return inRolledBackTransaction(pool, async (client) => {
    await client.query(
      `insert into realtime.messages (id, topic, extension)
       select unnest($1::uuid[]), $2, unnest($3::text[])`,
      [probes.map((p) => p.id), context.subTopic, extensions],
    );
    await actAs(client, context);
    const { rows } = await client.query<{ id: string }>('select id from realtime.messages where id = any($1::uuid[])', [
      probes.map((p) => p.id),
    ]);
    const visible = new Set(rows.map((row) => row.id));
    const readable = (extension: Extension) => visible.has(probes.find((p) => p.extension === extension)?.id ?? '');
    return { broadcast: readable('broadcast'), presence: withPresence ? readable('presence') : null };
  });
}

export async function checkWriteAccess(pool: pg.Pool, context: AuthorizationContext, extension: Extension): Promise<boolean> {
  return inRolledBackTransaction(pool, async (client) => {
    await actAs(client, context);
    try {
      await client.query('insert into realtime.messages (topic, extension) values ($1, $2)', [context.subTopic, extension]);
      return true;
    } catch (error) {
      if (error instanceof pg.DatabaseError && error.code === INSUFFICIENT_PRIVILEGE) return false;
      throw error;
    }
  });
}
