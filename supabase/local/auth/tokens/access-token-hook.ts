import { z } from 'zod';
import { AuthError, internalError } from '../http/errors.ts';
import type { Queryable } from '../db/pool.ts';
import type { JsonObject } from '../db/users.ts';
import type { HookFunction } from '../settings.ts';

/** GoTrue gives Postgres hooks two seconds. */
const HOOK_TIMEOUT_MS = 2000;
const QUERY_CANCELED = '57014';

/** GoTrue's MinimumViableTokenSchema: what a hook's claims must still contain. */
const hookClaims = z.looseObject({
  aud: z.union([z.string(), z.array(z.unknown())]),
  exp: z.number().int(),
  iat: z.number().int(),
  sub: z.string(),
  email: z.string(),
  phone: z.string(),
  role: z.string(),
  aal: z.string(),
  session_id: z.string(),
  is_anonymous: z.unknown().refine((value) => value !== undefined, 'is required'),
  iss: z.string().optional(),
  jti: z.string().optional(),
  nbf: z.number().int().optional(),
  app_metadata: z.record(z.string(), z.unknown()).optional(),
  user_metadata: z.record(z.string(), z.unknown()).optional(),
  amr: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
  client_id: z.string().optional(),
});

const hookOutput = z.looseObject({
  claims: z.unknown().optional(),
  error: z.looseObject({ http_code: z.number().int().optional(), message: z.string().optional() }).optional(),
});

export interface AccessTokenHookInput {
  user_id: string;
  claims: JsonObject;
  authentication_method: string;
}

async function callHook(tx: Queryable, hook: HookFunction, input: AccessTokenHookInput): Promise<unknown> {
  await tx.query(`set local statement_timeout = ${HOOK_TIMEOUT_MS}`);
  let output: unknown;
  try {
    const { rows } = await tx.query<{ output: unknown }>(`select ${hook.sqlName}($1::jsonb) as output`, [
      JSON.stringify(input),
    ]);
    output = rows[0]?.output;
  } catch (error) {
    if ((error as { code?: string }).code === QUERY_CANCELED) {
      throw new AuthError(500, 'hook_timeout', `Failed to reach hook within maximum time of ${HOOK_TIMEOUT_MS / 1000} seconds`);
    }
    throw internalError(`Error running hook URI: ${hook.uri}`);
  }
  await tx.query('set local statement_timeout to default');
  return output;
}

/**
 * Runs `[auth.hook.custom_access_token]` inside the caller's transaction (so it sees rows written
 * by this request) and returns the claims it produced, or the error it reported.
 */
export async function runAccessTokenHook(
  tx: Queryable,
  hook: HookFunction,
  input: AccessTokenHookInput,
): Promise<JsonObject> {
  const output = hookOutput.safeParse(await callHook(tx, hook, input));
  if (!output.success) throw internalError('Error unmarshaling JSON output.');
  const reported = output.data.error;
  if (reported?.message) throw new AuthError(reported.http_code || 500, '', reported.message);
  const claims = hookClaims.safeParse(output.data.claims);
  if (!claims.success) {
    const problems = claims.error.issues.map((issue) => `- ${issue.path.join('.') || 'claims'}: ${issue.message}`);
    throw internalError(`output claims do not conform to the expected schema: \n${problems.join('\n')}`);
  }
  return claims.data as JsonObject;
}
