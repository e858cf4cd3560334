/**
 * `postgres_changes` bindings as clients send them in `phx_join`: `{event, schema, table, filter,
 * select}`. Parsing follows Realtime's rules: `event` defaults to `*`, `schema` to `public`,
 * `table` to `*`; `filter` is `column=op.value`, optionally `not.`-negated and comma-joined (AND).
 */
import { isJsonObject, type JsonObject } from '../protocol/json.ts';

export const FILTER_OPS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'like', 'ilike', 'is', 'match', 'imatch', 'isdistinct'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];
export type ChangeEvent = '*' | 'INSERT' | 'UPDATE' | 'DELETE';

export interface Filter {
  column: string;
  op: FilterOp;
  /** For `in`, already in array-literal form: `(a,b)` → `{a,b}`. */
  value: string;
  negate: boolean;
}

export interface BindingParams {
  event: ChangeEvent;
  schema: string;
  table: string;
  filters: Filter[];
  select: string[] | null;
}

export type BindingParse = { ok: true; params: BindingParams } | { ok: false; message: string };

function eventOf(raw: unknown): ChangeEvent {
  const event = typeof raw === 'string' ? raw.toUpperCase() : '*';
  return event === 'INSERT' || event === 'UPDATE' || event === 'DELETE' ? event : '*';
}

/** Splits on commas outside parentheses and double quotes. */
function splitTopLevel(filter: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < filter.length; i++) {
    const char = filter[i];
    if (quoted && char === '\\') current += char + (filter[++i] ?? '');
    else {
      if (char === '"') quoted = !quoted;
      else if (!quoted && char === '(') depth++;
      else if (!quoted && char === ')') depth = Math.max(0, depth - 1);
      if (!quoted && depth === 0 && char === ',') {
        parts.push(current);
        current = '';
        continue;
      }
      current += char;
    }
  }
  return [...parts, current];
}

function unquote(value: string): string {
  const match = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  return match ? match[1].replace(/\\(.)/g, '$1') : value;
}

/** Elixir's `inspect` of a string list, which Realtime quotes in filter errors: `["foo", "hey"]`. */
const inspectList = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;

function parseSegment(segment: string): Filter | string {
  const trimmed = segment.trim();
  if (!trimmed) return 'filter must not contain empty segments (check for extra commas)';
  const equals = trimmed.indexOf('=');
  if (equals < 0) return inspectList([trimmed]);
  const column = trimmed.slice(0, equals);
  let rest = trimmed.slice(equals + 1);
  const negate = rest.startsWith('not.');
  if (negate) rest = rest.slice(4);
  const dot = rest.indexOf('.');
  const [op, value] = dot < 0 ? [rest, null] : [rest.slice(0, dot), rest.slice(dot + 1)];
  if (value === null || !(FILTER_OPS as readonly string[]).includes(op)) {
    return inspectList(value === null ? [rest] : [op, value]);
  }
  if (op !== 'in') return { column, op: op as FilterOp, value: unquote(value), negate };
  if (!/^\(.*\)$/s.test(value)) return '`in` filter value must be wrapped by parentheses';
  return { column, op: 'in', value: `{${value.slice(1, -1)}}`, negate };
}

function parseFilters(filter: string): Filter[] | string {
  if (!filter.trim()) return [];
  const filters: Filter[] = [];
  for (const segment of splitTopLevel(filter.trim())) {
    const parsed = parseSegment(segment);
    if (typeof parsed === 'string') return parsed;
    filters.push(parsed);
  }
  return filters;
}

export function parseBinding(raw: JsonObject): BindingParse {
  const { schema, table, filter, select } = raw;
  if (select !== undefined && select !== null && !Array.isArray(select)) {
    return { ok: false, message: 'Error parsing `select` params: expected a list of column name strings, e.g. select: ["col1", "col2"]' };
  }
  const columns = Array.isArray(select) ? select.filter((c): c is string => typeof c === 'string') : [];
  const hasSchema = typeof schema === 'string';
  const hasTable = typeof table === 'string';
  if (!hasSchema && !hasTable) {
    return { ok: false, message: `No subscription params provided. Please provide at least a \`schema\` or \`table\` to subscribe to: ${JSON.stringify(raw)}` };
  }
  const params: BindingParams = {
    event: eventOf(raw.event),
    schema: hasSchema ? schema : 'public',
    table: hasTable ? table : '*',
    filters: [],
    select: columns.length > 0 ? columns : null,
  };
  if (params.select && (params.schema === '*' || params.table === '*')) {
    return { ok: false, message: 'Column selection is not supported for wildcard subscriptions. Provide an explicit schema and table name.' };
  }
  if (typeof filter === 'string') {
    const filters = parseFilters(filter);
    if (typeof filters === 'string') return { ok: false, message: `Error parsing \`filter\` params: ${filters}` };
    params.filters = filters;
  }
  return { ok: true, params };
}

/** `[event: *, schema: public, table: todos, filters: []]`, the form Realtime quotes in errors. */
export function describeBinding(params: BindingParams): string {
  const filters = params.filters.map((f) => `{${JSON.stringify(f.column)}, ${JSON.stringify(f.op)}, ${JSON.stringify(f.value)}, ${f.negate}}`);
  return `[event: ${params.event}, schema: ${params.schema}, table: ${params.table}, filters: [${filters.join(', ')}]]`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A stable integer id for a binding (Realtime uses a 27-bit hash of the binding's params). */
export function bindingId(raw: JsonObject): number {
  let hash = 0x811c9dc5;
  for (const char of canonicalJson(raw)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7ffffff;
}

export function filterKey(filter: Filter): string {
  return `${filter.column}\u0000${filter.op}\u0000${filter.value}`;
}
