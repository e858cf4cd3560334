import { describe, expect, it } from 'vitest';
import { roleSchema } from './role.schema.ts';

describe('roleSchema', () => {
  const valid = { name: 'Tier 2', description: '', rank: 40, permissions: ['tickets.view'] };
  it('accepts a role within the editor rank', () => {
    expect(roleSchema(70).safeParse(valid).success).toBe(true);
  });
  it.each([
    [{ rank: 71 }, 70],
    [{ rank: 90 }, 100],
    [{ rank: 0 }, 100],
    [{ rank: Number.NaN }, 100],
    [{ rank: 4.5 }, 100],
    [{ name: ' ' }, 100],
  ])('refuses %o for an editor of rank %d', (change, editorRank) => {
    expect(roleSchema(editorRank).safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
