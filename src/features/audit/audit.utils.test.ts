import { describe, expect, it } from 'vitest';
import { actionLabel, AUDIT_ACTIONS, dayRange, diffLines, keysetFilter } from './audit.utils.ts';

describe('actionLabel', () => {
  it.each([
    ['memberships.update', 'Membership changed'],
    ['invitations.insert', 'Invitation added'],
    ['organization_holidays.delete', 'Holiday removed'],
    ['widgets.update', 'widgets changed'],
  ])('%s → %s', (action, label) => expect(actionLabel(action)).toBe(label));

  it('lists every audited action once', () => {
    const values = AUDIT_ACTIONS.map((action) => action.value);
    expect(new Set(values).size).toBe(values.length);
    expect(values).toContain('role_permissions.delete');
  });
});

describe('diffLines', () => {
  it('shows only the changed columns of an update, without updated_at', () => {
    expect(
      diffLines(
        { role_id: 'agent', availability: 'online', updated_at: '1' },
        { role_id: 'customer', availability: 'online', updated_at: '2' },
      ),
    ).toEqual(['role_id: "agent" → "customer"']);
  });
  it('shows new and removed rows whole', () => {
    expect(diffLines(null, { name: 'Tier 2', rank: 40 })).toEqual(['+ name: "Tier 2"', '+ rank: 40']);
    expect(diffLines({ day: '2026-12-25' }, null)).toEqual(['- day: "2026-12-25"']);
  });
  it('treats a column that appears as a change from null', () => {
    expect(diffLines({ a: 1 }, { a: 1, b: { x: true } })).toEqual(['b: null → {"x":true}']);
  });
  it('keeps markup as plain text', () => {
    expect(diffLines(null, { name: '<img src=x onerror=alert(1)>' })).toEqual(['+ name: "<img src=x onerror=alert(1)>"']);
  });
});

describe('keysetFilter', () => {
  it('continues strictly after the cursor in (created_at, id) descending order', () => {
    expect(keysetFilter({ createdAt: '2026-11-22T10:00:00.123456+00:00', id: 42 })).toBe(
      'created_at.lt."2026-11-22T10:00:00.123456+00:00",and(created_at.eq."2026-11-22T10:00:00.123456+00:00",id.lt.42)',
    );
  });
});

describe('dayRange', () => {
  it('covers whole local days, the end inclusive', () => {
    const { gte, lt } = dayRange('2026-11-01', '2026-11-01');
    expect(new Date(lt!).getTime() - new Date(gte!).getTime()).toBe(24 * 3600 * 1000);
    expect(dayRange(undefined, undefined)).toEqual({});
  });
});
