/**
 * Turns column values from logical replication (Postgres text output, read in a UTC/ISO session)
 * into the JSON that `to_jsonb(value)` would produce, which is what Realtime puts in records:
 * numbers and booleans as JSON, json/jsonb parsed, timestamps in ISO 8601, arrays as JSON arrays.
 */
import type { Json } from '../protocol/json.ts';

const NUMERIC_TYPES = new Set(['int2', 'int4', 'int8', 'oid', 'float4', 'float8', 'numeric']);
const OFFSET_TIME = /^(.*\d)([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/;

/** `+00` → `+00:00`, `+05:30:15` kept: the offset form `to_jsonb` prints. */
function isoOffset(text: string): string {
  const match = OFFSET_TIME.exec(text);
  if (!match) return text;
  const [, body, hours, minutes, seconds] = match;
  return `${body}${hours}:${minutes ?? '00'}${seconds ? `:${seconds}` : ''}`;
}

function scalar(type: string, text: string): Json {
  if (type === 'bool') return text === 't' || text === 'true';
  if (NUMERIC_TYPES.has(type)) {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  if (type === 'json' || type === 'jsonb') return JSON.parse(text) as Json;
  if (type === 'timestamptz') return /^\d{4,}-\d{2}-\d{2} /.test(text) ? isoOffset(text.replace(' ', 'T')) : text;
  if (type === 'timestamp') return text.replace(/^(\d{4,}-\d{2}-\d{2}) /, '$1T');
  if (type === 'timetz') return isoOffset(text);
  return text;
}

/** Converts one value; `valueType` is the base type name (`int8`, `_text` for text[]). */
export function toJsonValue(valueType: string, text: string | null): Json {
  if (text === null) return null;
  if (valueType.startsWith('_')) return mapArray(parseArrayLiteral(text), valueType.slice(1));
  return scalar(valueType, text);
}

type ArrayItem = string | null | ArrayItem[];

function mapArray(items: ArrayItem[], elementType: string): Json[] {
  return items.map((item) => (Array.isArray(item) ? mapArray(item, elementType) : toJsonValue(elementType, item)));
}

/** Parses a Postgres array literal such as `{a,"b c",NULL}` or `{{1,2},{3,4}}`. */
export function parseArrayLiteral(text: string): ArrayItem[] {
  const body = text.startsWith('[') ? text.slice(text.indexOf('=') + 1) : text;
  let position = 0;

  const readQuoted = (): string => {
    let value = '';
    position++; // opening quote
    while (position < body.length && body[position] !== '"') {
      if (body[position] === '\\') position++;
      value += body[position++];
    }
    position++; // closing quote
    return value;
  };

  const readBare = (): string | null => {
    const start = position;
    while (position < body.length && body[position] !== ',' && body[position] !== '}') position++;
    const value = body.slice(start, position).trim();
    return value.toUpperCase() === 'NULL' ? null : value;
  };

  const readArray = (): ArrayItem[] => {
    const items: ArrayItem[] = [];
    position++; // opening brace
    while (position < body.length && body[position] !== '}') {
      const char = body[position];
      if (char === '{') items.push(readArray());
      else if (char === '"') items.push(readQuoted());
      else items.push(readBare());
      if (body[position] === ',') position++;
    }
    position++; // closing brace
    return items;
  };

  return body.startsWith('{') ? readArray() : [];
}
