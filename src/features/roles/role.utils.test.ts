import { describe, expect, it } from 'vitest';
import { maxCustomRank, permissionDiff, ROLE_KEY_PATTERN, roleKeyFromName, sortRoles } from './role.utils.ts';

describe('roleKeyFromName', () => {
  it.each([
    ['Tier 2 Lead', [], 'tier_2_lead'],
    ['Billing', ['billing'], 'billing_2'],
    ['Billing', ['billing', 'billing_2'], 'billing_3'],
    ['2nd line', [], 'role_2nd_line'],
    ['Équipe Nuit', [], 'equipe_nuit'],
    ['!', [], 'role'],
    ['x', [], 'role_x'],
    ['A'.repeat(60), [], 'a'.repeat(36)],
  ])('%s (taken %j) → %s', (name, taken, key) => {
    const result = roleKeyFromName(name, taken);
    expect(result).toBe(key);
    expect(ROLE_KEY_PATTERN.test(result)).toBe(true);
  });
});

describe('permissionDiff', () => {
  it('lists additions and removals', () => {
    expect(permissionDiff(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'] });
    expect(permissionDiff([], [])).toEqual({ added: [], removed: [] });
  });
});

describe('sortRoles', () => {
  it('orders by rank, built-in first, then name', () => {
    const roles = [
      { name: 'Agent', rank: 50, builtIn: true },
      { name: 'Zeta', rank: 50, builtIn: false },
      { name: 'Alpha', rank: 50, builtIn: false },
      { name: 'Owner', rank: 100, builtIn: true },
    ];
    expect(sortRoles(roles).map((role) => role.name)).toEqual(['Owner', 'Agent', 'Alpha', 'Zeta']);
  });
});

describe('maxCustomRank', () => {
  it('is capped below admins and at your own rank', () => {
    expect(maxCustomRank(100)).toBe(89);
    expect(maxCustomRank(70)).toBe(70);
  });
});
