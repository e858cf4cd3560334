import { describe, expect, it } from 'vitest';
import { teamSchema } from './team.schema.ts';

describe('teamSchema', () => {
  const schema = teamSchema(['Billing']);
  it('accepts and trims a new name', () => {
    expect(schema.parse({ name: '  Tier 2 ', description: ' Escalations ' })).toEqual({ name: 'Tier 2', description: 'Escalations' });
  });
  it.each([
    [{ name: '   ', description: '' }, 'Name the team.'],
    [{ name: 'x'.repeat(61), description: '' }, 'Use at most 60 characters.'],
    [{ name: 'Billing', description: '' }, 'Another team already has this name.'],
    [{ name: 'Sales', description: 'x'.repeat(301) }, 'Use at most 300 characters.'],
  ])('refuses %o', (values, message) => {
    const result = schema.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });
});
