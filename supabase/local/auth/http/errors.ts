/**
 * Errors in GoTrue's shapes. Handlers throw these; `errorResponse` renders them in the format the
 * caller asked for (protocols §5.1).
 */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    /** GoTrue's error code (`invalid_credentials`, …); empty only for hook-reported errors. */
    readonly code: string,
    message: string,
    /** Extra top-level body fields (only `weak_password` today). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** OAuth-style error (`{error, error_description}`, always 400), used by the token endpoint. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const unauthorized = (code: string, message: string) => new AuthError(401, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const tooManyRequests = (code: string, message: string) => new AuthError(429, code, message);
export const internalError = (message: string) => new AuthError(500, 'unexpected_failure', message);

export function weakPassword(message: string, reasons: string[]) {
  return new AuthError(422, 'weak_password', message, { weak_password: { reasons } });
}

/** The generic code GoTrue uses for errors that carry none. */
function fallbackCode(status: number): string {
  return status >= 500 ? 'unexpected_failure' : 'unknown';
}

/** Requests dated 2024-01-01 or later get `{code, message}`; older or undated ones the legacy body. */
export function wantsModernErrors(apiVersionHeader: string | undefined): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(apiVersionHeader ?? '');
  if (!match) return false;
  const date = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return !Number.isNaN(date) && date >= Date.UTC(2024, 0, 1);
}

export interface RenderedError {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** Renders any thrown value; unknown errors become an opaque 500. */
export function renderError(error: unknown, apiVersionHeader: string | undefined): RenderedError {
  if (error instanceof OAuthError) {
    return { status: 400, body: { error: error.error, error_description: error.description }, headers: {} };
  }
  const authError =
    error instanceof AuthError
      ? error
      : internalError('Unexpected failure, please check server logs for more information');
  const code = authError.code || fallbackCode(authError.status);
  const headers: Record<string, string> = { 'x-sb-error-code': code };
  if (wantsModernErrors(apiVersionHeader)) {
    headers['x-supabase-api-version'] = '2024-01-01';
    return { status: authError.status, body: { code, message: authError.message, ...authError.extra }, headers };
  }
  return {
    status: authError.status,
    body: { code: authError.status, error_code: code, msg: authError.message, ...authError.extra },
    headers,
  };
}
