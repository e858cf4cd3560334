import { describe, expect, it } from 'vitest';
import { allowedItems, allows, groupByResource, permissionSet } from './permissions.ts';

const agent = permissionSet(['members.view', 'tickets.view', 'tickets.manage']);

describe('allows', () => {
  it.each([
    [null, true],
    ['members.view', true],
    ['members.manage', false],
    [{ anyOf: ['roles.manage', 'members.manage'] }, false],
    [{ anyOf: ['roles.manage', 'tickets.view'] }, true],
    [{ anyOf: [] }, false],
  ] as const)('requirement %o → %s', (requirement, expected) => {
    expect(allows(agent, requirement)).toBe(expected);
  });
});

describe('allowedItems', () => {
  it('keeps only what the set allows, in order', () => {
    const items = [
      { id: 'home', requires: null },
      { id: 'org', requires: 'org.manage' },
      { id: 'members', requires: 'members.view' },
    ] as const;
    expect(allowedItems(items, agent).map((item) => item.id)).toEqual(['home', 'members']);
    expect(allowedItems(items, permissionSet([])).map((item) => item.id)).toEqual(['home']);
  });
});

describe('groupByResource', () => {
  it('groups by the prefix before the dot', () => {
    const groups = groupByResource([{ key: 'tickets.view' }, { key: 'kb.view' }, { key: 'tickets.manage' }]);
    expect(groups).toEqual([
      ['tickets', [{ key: 'tickets.view' }, { key: 'tickets.manage' }]],
      ['kb', [{ key: 'kb.view' }]],
    ]);
  });
});
