import { AuthApiError, AuthRetryableFetchError, AuthWeakPasswordError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { describeAuthError, describeLinkError } from './auth-errors.ts';

describe('describeAuthError', () => {
  it.each([
    ['invalid_credentials', 400, 'do not match'],
    ['email_not_confirmed', 400, 'Confirm your email'],
    ['over_request_rate_limit', 429, 'Too many attempts'],
    ['otp_expired', 403, 'expired'],
    ['user_already_exists', 422, 'already exists'],
    ['mfa_verification_failed', 422, 'code is not right'],
  ])('code %s', (code, status, expected) => {
    expect(describeAuthError(new AuthApiError('server text', status, code))).toContain(expected);
  });

  it('explains why a password is weak', () => {
    const error = new AuthWeakPasswordError('Password is weak', 422, ['length', 'characters']);
    expect(describeAuthError(error)).toBe('Choose a stronger password: it is too short and it needs both letters and digits.');
  });

  it('treats any 429 as rate limiting and network failures as unreachable', () => {
    expect(describeAuthError(new AuthApiError('slow down', 429, 'something_new'))).toContain('Too many attempts');
    expect(describeAuthError(new AuthRetryableFetchError('Failed to fetch', 0))).toContain('could not be reached');
  });

  it('falls back to the server message', () => {
    expect(describeAuthError(new AuthApiError('Something specific', 400, 'unknown_code'))).toBe('Something specific');
  });
});

describe('describeLinkError', () => {
  it('maps codes and falls back to the description', () => {
    expect(describeLinkError('otp_expired', 'Email link is invalid or has expired')).toContain('expired');
    expect(describeLinkError('weird', 'Server says no')).toBe('Server says no');
    expect(describeLinkError(undefined, undefined)).toContain('did not work');
  });
});
