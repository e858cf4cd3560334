import { describe, expect, it } from 'vitest';
import { newPasswordSchema } from './password-rules.ts';

describe('newPasswordSchema', () => {
  it.each([
    ['correct-horse-42', 'correct-horse-42', true],
    ['short1', 'short1', false],
    ['onlyletters', 'onlyletters', false],
    ['12345678', '12345678', false],
    ['correct-horse-42', 'correct-horse-43', false],
  ])('%s / %s → %s', (password, confirm, ok) => {
    expect(newPasswordSchema.safeParse({ password, confirm }).success).toBe(ok);
  });
});
