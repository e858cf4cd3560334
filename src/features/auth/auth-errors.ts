import { AuthError } from '@supabase/supabase-js';

const MESSAGES: Record<string, string> = {
  invalid_credentials: 'That email and password do not match an account.',
  email_not_confirmed: 'Confirm your email address first: we sent you a link.',
  over_request_rate_limit: 'Too many attempts. Wait a minute and try again.',
  over_email_send_rate_limit: 'We just sent you an email. Wait a minute before asking for another.',
  otp_expired: 'That link or code has expired. Ask for a new one.',
  user_banned: 'This account is suspended.',
};

/** A specific, human sentence for an Auth error code; the server's message otherwise. */
export function describeAuthError(error: unknown): string {
  if (error instanceof AuthError) {
    if (error.code && MESSAGES[error.code]) return MESSAGES[error.code];
    if (error.status === 0 || error.name === 'AuthRetryableFetchError') {
      return 'The server could not be reached. Check your connection and try again.';
    }
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
