import pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * Sessions run in UTC with ISO dates and round-trip float precision, so values read from the
 * database (and from logical replication) have one predictable text form.
 */
export const SESSION_OPTIONS = '-c TimeZone=UTC -c DateStyle=ISO -c extra_float_digits=3';

export function createPool(connectionString: string, max: number, log: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, options: SESSION_OPTIONS, application_name: 'realtime' });
  pool.on('error', (err) => log.warn('idle database connection failed', { err }));
  return pool;
}

/** Runs `work` in a transaction that is always rolled back: for checks that must leave no trace. */
export async function inRolledBackTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    return await work(client);
  } catch (error) {
    broken = !(error instanceof pg.DatabaseError);
    throw error;
  } finally {
    await client.query('rollback').catch(() => (broken = true));
    client.release(broken);
  }
}

/** `ERROR 22P02 invalid input syntax …`, the way Realtime quotes database exceptions to clients. */
export function describeDatabaseError(error: unknown): string {
  if (error instanceof pg.DatabaseError) return `ERROR ${error.code} ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
