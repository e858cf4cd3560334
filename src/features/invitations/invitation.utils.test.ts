import { describe, expect, it } from 'vitest';
import { invitationProblem, invitationToken, sameEmail } from './invitation.utils.ts';

describe('invitationProblem', () => {
  it.each([
    ['pending', null],
    ['accepted', 'This invitation has already been used'],
    ['revoked', 'This invitation was withdrawn'],
    ['expired', 'This invitation has expired'],
  ] as const)('%s → %s', (status, title) => expect(invitationProblem(status)?.title ?? null).toBe(title));
});

describe('sameEmail', () => {
  it('ignores case and surrounding spaces', () => {
    expect(sameEmail('Ada@Example.test', ' ada@example.test ')).toBe(true);
    expect(sameEmail('ada@example.test', 'bob@example.test')).toBe(false);
    expect(sameEmail(undefined, 'a@b.test')).toBe(false);
  });
});

describe('invitationToken', () => {
  const hex = 'a'.repeat(64);
  it('reads the path or the query, and rejects junk', () => {
    expect(invitationToken(hex, new URLSearchParams())).toBe(hex);
    expect(invitationToken(undefined, new URLSearchParams(`token=${hex}`))).toBe(hex);
    expect(invitationToken(undefined, new URLSearchParams())).toBeNull();
    expect(invitationToken('short', new URLSearchParams())).toBeNull();
    expect(invitationToken('<script>alert(1)</script>aaaaaaaa', new URLSearchParams())).toBeNull();
  });
});
