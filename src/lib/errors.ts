import { AuthError } from '@supabase/supabase-js';
import { describeAuthError } from './auth-errors.ts';

/**
 * One error type for everything the SPA shows: the database's own sentence (SQLSTATE P0001 messages
 * are written for people), an optional hint, and the code for callers that special-case one.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  hint?: unknown;
}

const GENERIC_BY_CODE: Record<string, string> = {
  '42501': 'You do not have permission to do that.',
  '23505': 'That already exists.',
  '23503': 'Something this depends on no longer exists. Reload and try again.',
  PGRST116: 'That was not found, or you can no longer see it.',
  PGRST301: 'Your session has expired. Sign in again.',
};

const OFFLINE = 'The server could not be reached. Check your connection and try again.';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * Turns a PostgREST, Storage or network error into an AppError. P0001 (raised on purpose by the
 * database) keeps its message and hint; other codes get a readable sentence.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AuthError) return new AppError(describeAuthError(error), undefined, error.code);
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return new AppError(OFFLINE);
  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const code = text(like.code);
  const message = text(like.message);
  const hint = text(like.hint);
  if (message && /failed to fetch|networkerror|load failed/i.test(message)) return new AppError(OFFLINE, undefined, code);
  if (code === 'P0001' && message) return new AppError(message, hint, code);
  if (code && GENERIC_BY_CODE[code]) return new AppError(GENERIC_BY_CODE[code], hint, code);
  return new AppError(message ?? 'Something went wrong. Try again.', hint, code);
}

/**
 * Throws the AppError for a supabase-js `{ error }` result, returns its data otherwise. Not for
 * `.maybeSingle()`, whose data may legitimately be null.
 */
export function unwrap<T>(result: { data: T; error: unknown }): NonNullable<T> {
  if (result.error) throw toAppError(result.error);
  return result.data as NonNullable<T>;
}

/**
 * Edge Function failures carry the response in `context`; our functions answer `{code, message}`.
 * Reads it so the user sees the function's sentence rather than "non-2xx status code".
 */
export async function functionError(error: unknown): Promise<AppError> {
  const context = (error as { context?: unknown } | null)?.context;
  if (context instanceof Response) {
    try {
      const body = (await context.clone().json()) as ErrorLike;
      if (text(body.message)) return new AppError(String(body.message), text(body.hint), text(body.code));
    } catch {
      // Not JSON: fall through to the generic message.
    }
    if (context.status === 404) return new AppError('This feature is not available yet on this server.', undefined, 'not_found');
  }
  if ((error as { name?: string } | null)?.name === 'FunctionsFetchError') return new AppError(OFFLINE);
  return toAppError(error);
}
