/**
 * What postgres_changes needs to know about a published table: its columns (type names for the
 * message, cast targets for filters, base types for JSON conversion), primary key, whether RLS is
 * on, and which columns a role may select. Cached per relation and dropped whenever logical
 * replication announces the relation again (it does after any DDL, GRANT or policy change).
 */
import type pg from 'pg';

export interface ColumnInfo {
  name: string;
  /** `pg_type.typname`, as Realtime reports it in `columns[].type` (`int8`, `_text`). */
  type: string;
  /** `format_type()`, a safe cast target for filter values (`character varying(20)`). */
  castType: string;
  /** typname of the column's base type (domains resolved), used to convert values to JSON. */
  valueType: string;
  /** Type category (`S` = string), to reject pattern filters on non-text columns. */
  category: string;
  isPrimaryKey: boolean;
}

export interface TableInfo {
  oid: number;
  columns: ColumnInfo[];
  primaryKey: string[];
  rlsEnabled: boolean;
}

const TABLE_SQL = `
  select c.relrowsecurity as "rlsEnabled",
         coalesce(json_agg(json_build_object(
           'name', a.attname,
           'type', t.typname,
           'castType', format_type(a.atttypid, a.atttypmod),
           'valueType', coalesce(base.typname, t.typname),
           'category', coalesce(base.typcategory, t.typcategory),
           'isPrimaryKey', coalesce(a.attnum = any(pk.indkey), false)
         ) order by a.attnum) filter (where a.attnum is not null), '[]') as columns
  from pg_class c
  left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  left join pg_type t on t.oid = a.atttypid
  left join pg_type base on base.oid = t.typbasetype and t.typtype = 'd'
  left join pg_index pk on pk.indrelid = c.oid and pk.indisprimary
  where c.oid = $1
  group by c.oid`;

const SELECTABLE_SQL = `
  select a.attname as name from pg_attribute a
  where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped
    and has_column_privilege($2, a.attrelid, a.attnum, 'SELECT')`;

export class TableCatalog {
  private readonly tables = new Map<number, Promise<TableInfo>>();
  private readonly selectable = new Map<number, Map<string, Promise<Set<string>>>>();

  constructor(private readonly pool: pg.Pool) {}

  table(oid: number): Promise<TableInfo> {
    let table = this.tables.get(oid);
    if (!table) {
      table = this.loadTable(oid);
      this.tables.set(oid, table);
      table.catch(() => this.tables.delete(oid));
    }
    return table;
  }

  /** Columns `role` may select; empty when the role does not exist. */
  selectableColumns(oid: number, role: string): Promise<Set<string>> {
    let byRole = this.selectable.get(oid);
    if (!byRole) this.selectable.set(oid, (byRole = new Map()));
    let columns = byRole.get(role);
    if (!columns) {
      columns = this.pool
        .query<{ name: string }>(SELECTABLE_SQL, [oid, role])
        .then(({ rows }) => new Set(rows.map((row) => row.name)))
        .catch(() => new Set<string>());
      byRole.set(role, columns);
    }
    return columns;
  }

  invalidate(oid: number) {
    this.tables.delete(oid);
    this.selectable.delete(oid);
  }

  private async loadTable(oid: number): Promise<TableInfo> {
    const { rows } = await this.pool.query<{ rlsEnabled: boolean; columns: ColumnInfo[] }>(TABLE_SQL, [oid]);
    if (!rows[0]) throw new Error(`relation ${oid} does not exist`);
    const { rlsEnabled, columns } = rows[0];
    return { oid, columns, rlsEnabled, primaryKey: columns.filter((c) => c.isPrimaryKey).map((c) => c.name) };
  }
}
