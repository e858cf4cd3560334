/**
 * Filter checks in SQL, so values compare exactly as Postgres compares them after casting to the
 * column type. At subscribe time each filter is validated (column selectable, value castable);
 * per change, every distinct filter is evaluated in a single query.
 */
import pg from 'pg';
import { describeDatabaseError } from '../database.ts';
import type { Filter } from './bindings.ts';
import { filterKey } from './bindings.ts';
import type { ColumnInfo, TableInfo } from './catalog.ts';

export type RawRow = Record<string, string | null | undefined>;

const COMPARISONS: Partial<Record<Filter['op'], string>> = {
  eq: '=',
  neq: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  like: 'like',
  ilike: 'ilike',
  match: '~',
  imatch: '~*',
};
const PATTERN_OPS = new Set<Filter['op']>(['like', 'ilike', 'match', 'imatch']);
const IS_KEYWORDS = new Set(['null', 'true', 'false', 'unknown']);
const MAX_IN_VALUES = 100;

/** SQL for one filter; `$a` is the column value (text), `$b` the filter value (text). */
function expression(filter: Filter, column: ColumnInfo, a: string, b: string): string {
  const value = `(${a}::text)::${column.castType}`;
  if (filter.op === 'in') return `${value} = any((${b}::text)::${column.castType}[])`;
  if (filter.op === 'is') return `${value} is ${filter.value.toUpperCase()}`;
  if (filter.op === 'isdistinct') return `${value} is distinct from (${b}::text)::${column.castType}`;
  if (PATTERN_OPS.has(filter.op)) return `${value} ${COMPARISONS[filter.op]} ${b}::text`;
  return `${value} ${COMPARISONS[filter.op]} (${b}::text)::${column.castType}`;
}

/**
 * Whether each filter holds for `row`; keyed by filterKey. A filter on a column the row lacks
 * (e.g. a DELETE without REPLICA IDENTITY FULL) or whose result is NULL does not hold.
 */
export async function evaluateFilters(pool: pg.Pool, table: TableInfo, row: RawRow, filters: Filter[]): Promise<Map<string, boolean>> {
  const results = new Map<string, boolean>();
  const pending: { filter: Filter; sql: string }[] = [];
  const params: (string | null)[] = [];
  for (const filter of filters) {
    const key = filterKey(filter);
    if (results.has(key) || pending.some((p) => filterKey(p.filter) === key)) continue;
    const column = table.columns.find((c) => c.name === filter.column);
    const value = row[filter.column];
    if (!column || value === undefined) {
      results.set(key, false);
      continue;
    }
    params.push(value, filter.value);
    pending.push({ filter, sql: expression(filter, column, `$${params.length - 1}`, `$${params.length}`) });
  }
  if (pending.length === 0) return results;
  const select = pending.map((p, i) => `${p.sql} as f${i}`).join(', ');
  const { rows } = await pool.query<Record<string, boolean | null>>(`select ${select}`, params);
  pending.forEach(({ filter }, i) => {
    const outcome = rows[0][`f${i}`];
    results.set(filterKey(filter), outcome === null ? false : filter.negate ? !outcome : outcome);
  });
  return results;
}

/** Why `filter` cannot be used on `column`, or null when it can. Runs the same casts as evaluation. */
export async function filterProblem(pool: pg.Pool, filter: Filter, column: ColumnInfo): Promise<string | null> {
  if (filter.op === 'is') {
    if (!IS_KEYWORDS.has(filter.value)) return 'invalid value for is filter: must be null, true, false, or unknown';
    if (filter.value !== 'null' && column.castType !== 'boolean') {
      return `is ${filter.value} filter requires a boolean column, got ${column.castType}`;
    }
    return null;
  }
  if (PATTERN_OPS.has(filter.op) && column.category !== 'S') {
    return `${filter.op} filter requires a text column, got ${column.castType}`;
  }
  try {
    if (filter.op === 'in') {
      const { rows } = await pool.query<{ n: number | null }>(`select cardinality(($1::text)::${column.castType}[]) as n`, [filter.value]);
      if ((rows[0].n ?? 0) > MAX_IN_VALUES) return `too many values for \`in\` filter. Maximum ${MAX_IN_VALUES}`;
    } else if (filter.op === 'match' || filter.op === 'imatch') {
      await pool.query(`select ''::text ~ $1::text`, [filter.value]);
    } else if (!PATTERN_OPS.has(filter.op)) {
      await pool.query(`select ($1::text)::${column.castType}`, [filter.value]);
    }
    return null;
  } catch (error) {
    if (error instanceof pg.DatabaseError) return describeDatabaseError(error);
    throw error;
  }
}
