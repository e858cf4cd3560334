import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { z } from 'zod';
import { AuthError, badRequest } from './errors.ts';

/** GoTrue refuses request bodies above 1 MiB. */
export const MAX_BODY_BYTES = 1 << 20;

export const bodyTooLarge = () =>
  new AuthError(413, 'request_entity_too_large', `Request body too large (max ${MAX_BODY_BYTES} bytes)`);

const badJson = (detail: string) => badRequest('bad_json', `Could not parse request body as JSON: ${detail}`);

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

function parseJsonObject<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw bodyTooLarge();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badJson(text.trim() === '' ? 'unexpected end of JSON input' : (error as Error).message);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badJson('expected a JSON object');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw badJson(result.error.issues.map(describeIssue).join('; '));
  return result.data;
}

/**
 * Reads the body as a JSON object and validates it. Unknown fields are dropped (clients send
 * extras such as `gotrue_meta_security`); wrong types answer 400 bad_json like GoTrue's decoder.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseJsonObject(await c.req.text(), schema);
}

/** Like readJson, but an empty body counts as `{}` (routes whose body is optional). */
export async function readOptionalJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const body = await c.req.text();
  return parseJsonObject(body.trim() === '' ? '{}' : body, schema);
}

/** Optional string field: null and absent both read as "". */
export const text = () =>
  z
    .string()
    .nullish()
    .transform((value) => value ?? '');

/** Optional JSON object field (user metadata and the like). */
export const jsonObject = () => z.record(z.string(), z.unknown()).nullish();

/** Optional boolean field: null and absent read as `fallback`. */
export const flag = (fallback = false) =>
  z
    .boolean()
    .nullish()
    .transform((value) => value ?? fallback);

/**
 * The caller's address: the first X-Forwarded-For entry when it is an IP address (the gateway
 * appends the socket address it saw), else the socket's own address.
 */
export function clientIp(c: Context): string {
  const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (first && isIP(first)) return first;
  return getConnInfo(c).remote.address ?? '127.0.0.1';
}

export function userAgent(c: Context): string | null {
  return c.req.header('user-agent') ?? null;
}
