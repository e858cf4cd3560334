import { describe, expect, it } from 'vitest';
import { signInSchema } from './sign-in.schema.ts';
import { signUpSchema } from './sign-up.schema.ts';
import { totpCodeSchema } from '../../lib/totp-code.schema.ts';

describe('auth form schemas', () => {
  it('trims emails and requires a name and a strong password to sign up', () => {
    const parsed = signUpSchema.safeParse({ displayName: ' Ada ', email: ' ada@example.test ', password: 'correct-horse-42' });
    expect(parsed.success && parsed.data).toEqual({ displayName: 'Ada', email: 'ada@example.test', password: 'correct-horse-42' });
    expect(signUpSchema.safeParse({ displayName: '', email: 'ada@example.test', password: 'correct-horse-42' }).success).toBe(false);
    expect(signUpSchema.safeParse({ displayName: 'Ada', email: 'ada', password: 'correct-horse-42' }).success).toBe(false);
  });

  it('accepts any non-empty password to sign in', () => {
    expect(signInSchema.safeParse({ email: 'a@b.test', password: 'x' }).success).toBe(true);
  });

  it('wants six digits for a TOTP code', () => {
    expect(totpCodeSchema.safeParse({ code: ' 123456 ' }).success).toBe(true);
    expect(totpCodeSchema.safeParse({ code: '12345' }).success).toBe(false);
    expect(totpCodeSchema.safeParse({ code: '12345a' }).success).toBe(false);
  });
});
