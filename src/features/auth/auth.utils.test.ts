import { describe, expect, it } from 'vitest';
import { appUrl, safeNextPath, withNext } from './auth.utils.ts';

describe('safeNextPath', () => {
  it.each([
    ['/o/acme/settings', '/o/acme/settings'],
    ['/invite/abc?x=1', '/invite/abc?x=1'],
    ['//evil.test/path', '/'],
    ['/\\evil.test', '/'],
    ['https://evil.test', '/'],
    ['javascript:alert(1)', '/'],
    ['/ok\nbad', '/'],
    ['', '/'],
    [null, '/'],
  ])('%s → %s', (value, expected) => expect(safeNextPath(value)).toBe(expected));
});

describe('withNext', () => {
  it('adds a safe next and drops the rest', () => {
    expect(withNext('/sign-up', '/invite/t0k')).toBe('/sign-up?next=%2Finvite%2Ft0k');
    expect(withNext('/sign-up', '//evil.test')).toBe('/sign-up');
    expect(withNext('/sign-up', '/')).toBe('/sign-up');
  });
});

describe('appUrl', () => {
  it('builds an absolute URL on the given origin', () => {
    expect(appUrl('/reset-password', 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173/reset-password');
  });
});
