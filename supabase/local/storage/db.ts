import pg from 'pg';
import { transaction } from '../pg-transaction.ts';
import type { Caller } from './auth.ts';

export type Queryable = Pick<pg.PoolClient, 'query'>;

/** The request a scoped transaction runs for; exposed to policies through settings (protocols §7.1). */
export interface Scope {
  caller: Caller;
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

const INT8_OID = 20;

/** bigint columns (file_size_limit) as numbers, for this pool only. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The settings Supabase Storage sets at the start of every scoped transaction. */
const SCOPE_SQL = `select
  set_config('role', $1, true),
  set_config('request.jwt.claim.role', $1, true),
  set_config('request.jwt', $2, true),
  set_config('request.jwt.claim.sub', $3, true),
  set_config('request.jwt.claims', $4, true),
  set_config('request.headers', $5, true),
  set_config('request.method', $6, true),
  set_config('request.path', $7, true),
  set_config('storage.operation', $8, true),
  set_config('storage.allow_delete_query', 'true', true)`;

class RollbackOnly extends Error {}

/**
 * Connects as supabase_storage_admin, which owns the storage tables (so its own queries see
 * everything) and may switch to the API roles, so that scoped queries are decided by RLS.
 */
export class StorageDatabase {
  readonly pool: pg.Pool;

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 10, application_name: 'storage', types });
  }

  /** A query with Storage's own rights (bucket lookups, cleanup): RLS does not apply. */
  get admin(): Queryable {
    return this.pool;
  }

  /** Runs work in a transaction as the caller's role, with the request's claims and headers set. */
  async asCaller<T>(scope: Scope, work: (client: Queryable) => Promise<T>): Promise<T> {
    return this.transaction(async (client) => {
      await client.query(SCOPE_SQL, scopeValues(scope));
      return work(client);
    });
  }

  /** Runs work as the caller and rolls it back: Supabase's permission test before an upload. */
  async testPermission(scope: Scope, work: (client: Queryable) => Promise<unknown>): Promise<void> {
    try {
      await this.asCaller(scope, async (client) => {
        await work(client);
        throw new RollbackOnly();
      });
    } catch (error) {
      if (!(error instanceof RollbackOnly)) throw error;
    }
  }

  /** Runs work in a transaction with Storage's own rights. */
  transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    return transaction(this.pool, work);
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

function scopeValues({ caller, operation, method, path, headers }: Scope): string[] {
  const visibleHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name, value]) => name !== 'authorization' && value !== undefined),
  );
  return [
    caller.role,
    caller.jwt,
    caller.sub ?? '',
    JSON.stringify(caller.claims),
    JSON.stringify(visibleHeaders),
    method,
    path,
    operation,
  ];
}
