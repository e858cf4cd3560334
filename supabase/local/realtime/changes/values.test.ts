import { describe, expect, it } from 'vitest';
import { parseArrayLiteral, toJsonValue } from './values.ts';

describe('replicated values as to_jsonb renders them', () => {
  it.each([
    ['int8', '42', 42],
    ['numeric', '1.50', 1.5],
    ['float8', 'NaN', 'NaN'],
    ['bool', 't', true],
    ['bool', 'f', false],
    ['jsonb', '{"a": [1, null]}', { a: [1, null] }],
    ['timestamptz', '2026-01-02 03:04:05.678+00', '2026-01-02T03:04:05.678+00:00'],
    ['timestamptz', '2026-01-02 03:04:05+05:30', '2026-01-02T03:04:05+05:30'],
    ['timestamptz', 'infinity', 'infinity'],
    ['timestamp', '2026-01-02 03:04:05.6', '2026-01-02T03:04:05.6'],
    ['timetz', '10:00:00+02', '10:00:00+02:00'],
    ['uuid', '6c0a6a7e-6d2b-4a8a-9a5c-1f6f2a3b4c5d', '6c0a6a7e-6d2b-4a8a-9a5c-1f6f2a3b4c5d'],
    ['_int4', '{1,2,NULL}', [1, 2, null]],
    ['_text', '{a,"b c","quote \\" here",NULL,"NULL"}', ['a', 'b c', 'quote " here', null, 'NULL']],
    ['_int4', '{{1,2},{3,4}}', [[1, 2], [3, 4]]],
  ])('%s %s', (type, text, json) => {
    expect(toJsonValue(type, text)).toEqual(json);
  });

  it('keeps NULL as null and empty arrays as []', () => {
    expect(toJsonValue('text', null)).toBeNull();
    expect(parseArrayLiteral('{}')).toEqual([]);
    expect(parseArrayLiteral('[0:1]={7,8}')).toEqual(['7', '8']);
  });
});
