import { describe, expect, it } from 'vitest';
import { afterDescending } from './keyset.ts';

describe('afterDescending', () => {
  it('continues after the last row: older, or as old with a smaller id', () => {
    expect(afterDescending('created_at', { at: '2026-11-22T10:00:00.123456+00:00', id: 'b7' })).toBe(
      'created_at.lt."2026-11-22T10:00:00.123456+00:00",and(created_at.eq."2026-11-22T10:00:00.123456+00:00",id.lt.b7)',
    );
  });
});
