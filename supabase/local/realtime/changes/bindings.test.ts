import { describe, expect, it } from 'vitest';
import { bindingId, describeBinding, parseBinding } from './bindings.ts';

const parsed = (raw: Record<string, unknown>) => {
  const result = parseBinding(raw as never);
  if (!result.ok) throw new Error(result.message);
  return result.params;
};

describe('postgres_changes bindings', () => {
  it('applies the defaults for event, schema and table', () => {
    expect(parsed({ table: 'todos' })).toEqual({ event: '*', schema: 'public', table: 'todos', filters: [], select: null });
    expect(parsed({ schema: 'public', event: 'insert' })).toMatchObject({ event: 'INSERT', table: '*' });
  });

  it('parses filters: operators, negation, AND with commas, in-lists and quoted values', () => {
    expect(parsed({ schema: 'public', table: 't', filter: 'id=gt.0,title=not.in.(a,"b,c"),name=eq."x,y"' }).filters).toEqual([
      { column: 'id', op: 'gt', value: '0', negate: false },
      { column: 'title', op: 'in', value: '{a,"b,c"}', negate: true },
      { column: 'name', op: 'eq', value: 'x,y', negate: false },
    ]);
  });

  it.each([
    ['subject=foo.hey', 'Error parsing `filter` params: ["foo", "hey"]'],
    ['undefined', 'Error parsing `filter` params: ["undefined"]'],
    ['id=in.1,2', 'Error parsing `filter` params: `in` filter value must be wrapped by parentheses'],
    ['id=eq.1,,id=eq.2', 'Error parsing `filter` params: filter must not contain empty segments (check for extra commas)'],
  ])('reports the filter %s as Realtime does', (filter, message) => {
    expect(parseBinding({ schema: 'public', table: 't', filter })).toEqual({ ok: false, message });
  });

  it('refuses bindings without schema or table, and column selection on wildcards', () => {
    expect(parseBinding({ event: '*' }).ok).toBe(false);
    expect(parseBinding({ schema: 'public', table: '*', select: ['id'] })).toMatchObject({ ok: false, message: expect.stringContaining('wildcard') });
  });

  it('describes a binding the way Realtime quotes it in errors', () => {
    expect(describeBinding(parsed({ schema: 'public', table: 'todos', filter: 'list_id=eq.7' }))).toBe(
      '[event: *, schema: public, table: todos, filters: [{"list_id", "eq", "7", false}]]',
    );
  });

  it('gives equal bindings equal ids regardless of key order', () => {
    expect(bindingId({ event: '*', schema: 'public', table: 't' })).toBe(bindingId({ table: 't', schema: 'public', event: '*' }));
    expect(bindingId({ event: '*', schema: 'public', table: 't' })).not.toBe(bindingId({ event: 'INSERT', schema: 'public', table: 't' }));
  });
});
