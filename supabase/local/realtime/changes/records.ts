/**
 * The `data` of a postgres_changes message for one audience (a role's selectable columns and a
 * binding's optional column selection), following realtime.apply_rls: columns the role cannot
 * select are left out, deletes on RLS tables carry only the primary key, a role that cannot read
 * the primary key gets `Error 401`, and oversized records keep only short values (`Error 413`).
 */
import type { JsonObject } from '../protocol/json.ts';
import { SETTINGS } from '../settings.ts';
import type { TableInfo } from './catalog.ts';
import type { RawRow } from './filters.ts';
import { toJsonValue } from './values.ts';

export interface RowChange {
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  relationOid: number;
  schema: string;
  table: string;
  newRow: RawRow | null;
  /** The old tuple: complete with REPLICA IDENTITY FULL, else key columns only, or null. */
  oldRow: RawRow | null;
  commitTimestamp: string;
  /** Id of the transaction that made the change (its visibility is awaited before RLS checks). */
  xid: number;
}

const MAX_TRIMMED_VALUE_BYTES = 64;
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

function convert(table: TableInfo, raw: RawRow, fallback: RawRow | null): JsonObject {
  const converted: JsonObject = {};
  for (const column of table.columns) {
    const text = raw[column.name] !== undefined ? raw[column.name] : fallback?.[column.name];
    if (text !== undefined) converted[column.name] = toJsonValue(column.valueType, text);
  }
  return converted;
}

function pick(record: JsonObject, keep: (name: string) => boolean, trim: boolean): JsonObject {
  const picked: JsonObject = {};
  for (const [name, value] of Object.entries(record)) {
    if (keep(name) && (!trim || jsonBytes(value) <= MAX_TRIMMED_VALUE_BYTES)) picked[name] = value;
  }
  return picked;
}

export class ChangeRecords {
  private readonly record: JsonObject | null;
  private readonly oldRecord: JsonObject | null;
  private readonly tooLarge: boolean;

  constructor(
    private readonly change: RowChange,
    private readonly table: TableInfo,
  ) {
    const { newRow, oldRow, type } = change;
    this.record = newRow ? convert(table, newRow, oldRow) : null;
    const keyOfNew = type === 'UPDATE' && !oldRow && newRow ? pick(this.record ?? {}, (n) => table.primaryKey.includes(n), false) : null;
    this.oldRecord = oldRow ? convert(table, oldRow, null) : keyOfNew;
    this.tooLarge = jsonBytes([this.record, this.oldRecord]) > SETTINGS.maxRecordBytes;
  }

  /** The message data for subscribers whose role may select `selectable`, optionally narrowed by `select`. */
  data(selectable: Set<string>, select: string[] | null): JsonObject {
    const { change, table } = this;
    const base: JsonObject = { schema: change.schema, table: change.table, commit_timestamp: change.commitTimestamp, type: change.type };
    if (change.type !== 'DELETE') {
      if (table.primaryKey.length === 0) return this.refused(base, 'Error 400: Bad Request, no primary key');
      if (!table.primaryKey.every((pk) => selectable.has(pk))) return this.refused(base, 'Error 401: Unauthorized');
    }
    const isKey = (name: string) => table.primaryKey.includes(name);
    const visible = (name: string) => selectable.has(name) && (select === null || select.includes(name) || isKey(name));
    const data: JsonObject = {
      ...base,
      columns: table.columns.filter((c) => visible(c.name)).map((c) => ({ name: c.name, type: c.type })),
    };
    if (change.type !== 'DELETE') data.record = pick(this.record ?? {}, visible, this.tooLarge);
    if (change.type !== 'INSERT') {
      const keyOnly = change.type === 'DELETE' && table.rlsEnabled;
      data.old_record = pick(this.oldRecord ?? {}, (name) => visible(name) && (!keyOnly || isKey(name)), this.tooLarge);
    }
    data.errors = this.tooLarge ? ['Error 413: Payload Too Large'] : null;
    return data;
  }

  private refused(base: JsonObject, error: string): JsonObject {
    const data: JsonObject = { ...base, commit_timestamp: null, columns: [], errors: [error] };
    if (this.change.type !== 'DELETE') data.record = {};
    if (this.change.type !== 'INSERT') data.old_record = {};
    return data;
  }
}
