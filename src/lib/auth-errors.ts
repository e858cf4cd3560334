import { AuthError, isAuthWeakPasswordError } from '@supabase/supabase-js';

const MESSAGES: Record<string, string> = {
  invalid_credentials: 'That email and password do not match an account.',
  email_not_confirmed: 'Confirm your email address first: open the link we sent you.',
  over_request_rate_limit: 'Too many attempts. Wait a minute and try again.',
  over_email_send_rate_limit: 'We just sent you an email. Wait a minute before asking for another.',
  otp_expired: 'That link or code has expired or was already used. Ask for a new one.',
  user_banned: 'This account is suspended.',
  user_already_exists: 'An account with this email already exists. Sign in instead.',
  email_exists: 'An account with this email already exists.',
  same_password: 'Choose a password different from your current one.',
  otp_disabled: 'No account uses that email address. Create an account first.',
  signup_disabled: 'New sign-ups are closed.',
  mfa_verification_failed: 'That code is not right. Check your authenticator app and try again.',
  mfa_challenge_expired: 'That code took too long. Enter the current code.',
  mfa_factor_name_conflict: 'An authenticator with this name already exists. Remove it first.',
  insufficient_aal: 'Confirm with your authenticator code first.',
  session_not_found: 'Your session has ended. Sign in again.',
  refresh_token_not_found: 'Your session has ended. Sign in again.',
};

const WEAK_REASONS: Record<string, string> = {
  length: 'it is too short',
  characters: 'it needs both letters and digits',
  pwned: 'it appears in a list of leaked passwords',
};

/** "Choose a stronger password: it is too short and it needs both letters and digits." */
function weakPasswordMessage(reasons: readonly string[], fallback: string): string {
  const parts = reasons.map((reason) => WEAK_REASONS[reason]).filter(Boolean);
  return parts.length ? `Choose a stronger password: ${parts.join(' and ')}.` : fallback;
}

/** A specific, human sentence for an Auth error code; the server's message otherwise. */
export function describeAuthError(error: unknown): string {
  if (isAuthWeakPasswordError(error)) return weakPasswordMessage(error.reasons, error.message);
  if (error instanceof AuthError) {
    if (error.code && MESSAGES[error.code]) return MESSAGES[error.code];
    if (error.status === 429) return MESSAGES.over_request_rate_limit;
    if (error.status === 0 || error.name === 'AuthRetryableFetchError') {
      return 'The server could not be reached. Check your connection and try again.';
    }
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** The message for an error code found in an email link's redirect (`#error_code=…`). */
export function describeLinkError(code: string | undefined, description: string | undefined): string {
  if (code && MESSAGES[code]) return MESSAGES[code];
  return description || 'That link did not work. Ask for a new one.';
}
