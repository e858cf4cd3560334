import { describe, expect, it } from 'vitest';
import { isTheme, resolvesToDark } from './theme.ts';

describe('resolvesToDark', () => {
  it.each([
    ['light', false, false],
    ['light', true, false],
    ['dark', false, true],
    ['system', true, true],
    ['system', false, false],
  ] as const)('%s with system dark=%s → %s', (theme, systemDark, expected) => {
    expect(resolvesToDark(theme, systemDark)).toBe(expected);
  });

  it('recognises stored values', () => {
    expect(isTheme('dark')).toBe(true);
    expect(isTheme('blue')).toBe(false);
    expect(isTheme(null)).toBe(false);
  });
});
