import pg from 'pg';

/** Anything that runs a query: the pool or a client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;

/**
 * Timestamps stay strings with Postgres' microseconds, formatted the way GoTrue serialises them
 * ("2026-01-01T10:00:00.123456Z"); the connection's TimeZone is UTC so no offset needs converting.
 */
function rfc3339(value: string): string {
  return value.replace(' ', 'T').replace(/(\+00(:00)?)?$/, 'Z');
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) return rfc3339;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function createPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, max: 10, types, options: '-c TimeZone=UTC' });
}

export { transaction } from '../../pg-transaction.ts';

/** Milliseconds since the epoch for a timestamp column (null stays null). */
export function epochMs(timestamp: string | null | undefined): number | null {
  return timestamp ? Date.parse(timestamp) : null;
}
