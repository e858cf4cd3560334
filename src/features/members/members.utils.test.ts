import { describe, expect, it } from 'vitest';
import { assignableRoles, canManageMember, isLastOwner } from './members.utils.ts';

const roles = [
  { id: 'owner', rank: 100 },
  { id: 'admin', rank: 90 },
  { id: 'manager', rank: 70 },
  { id: 'agent', rank: 50 },
  { id: 'customer', rank: 10 },
];

describe('canManageMember', () => {
  it.each([
    [{ rank: 100, canManageMembers: true }, 100, false, true],
    [{ rank: 90, canManageMembers: true }, 100, false, false],
    [{ rank: 90, canManageMembers: true }, 90, false, true],
    [{ rank: 90, canManageMembers: true }, 50, false, true],
    [{ rank: 50, canManageMembers: false }, 10, false, false],
    [{ rank: 90, canManageMembers: true }, 90, true, true],
  ])('%o on rank %d (self %s) → %s', (me, targetRank, isSelf, expected) => {
    expect(canManageMember(me, targetRank, isSelf)).toBe(expected);
  });
});

describe('assignableRoles', () => {
  const ids = (list: { id: string }[]) => list.map((role) => role.id);
  it('lets owners give every role', () => {
    expect(ids(assignableRoles(roles, 100, { isSelf: false, currentRank: 50 }))).toEqual(['owner', 'admin', 'manager', 'agent', 'customer']);
  });
  it('lets admins give roles up to admin, never owner', () => {
    expect(ids(assignableRoles(roles, 90, { isSelf: false, currentRank: 50 }))).toEqual(['admin', 'manager', 'agent', 'customer']);
  });
  it('never raises your own role', () => {
    expect(ids(assignableRoles(roles, 90, { isSelf: true, currentRank: 90 }))).toEqual(['admin', 'manager', 'agent', 'customer']);
    expect(ids(assignableRoles(roles, 70, { isSelf: true, currentRank: 70 }))).toEqual(['manager', 'agent', 'customer']);
  });
});

describe('isLastOwner', () => {
  it('is true only for the single owner', () => {
    expect(isLastOwner(100, 1)).toBe(true);
    expect(isLastOwner(100, 2)).toBe(false);
    expect(isLastOwner(90, 1)).toBe(false);
  });
});
