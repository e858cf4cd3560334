/**
 * The `phx_join` payload realtime-js sends, validated. Booleans may also arrive as "true"/"false"
 * (Realtime's FlexibleBoolean). `postgres_changes` bindings are kept as sent, because the join
 * reply must echo them verbatim.
 */
import { z } from 'zod';
import type { JsonObject } from './protocol/json.ts';

const flexibleBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

const replaySchema = z.object({
  since: z.number().int().nonnegative().prefault(0),
  limit: z.number().int().prefault(10),
});

const configSchema = z.looseObject({
  broadcast: z
    .looseObject({
      ack: flexibleBoolean.prefault(false),
      self: flexibleBoolean.prefault(false),
      replay: replaySchema.optional(),
    })
    .prefault({}),
  presence: z
    .looseObject({
      enabled: flexibleBoolean.prefault(false),
      key: z.union([z.string(), z.number()]).nullish(),
    })
    .prefault({}),
  postgres_changes: z
    .array(z.union([z.record(z.string(), z.unknown()), z.null()]))
    .nullish()
    .transform((bindings) => (bindings ?? []).filter((binding) => binding !== null) as JsonObject[]),
  private: flexibleBoolean.prefault(false),
  postgres_changes_options: z
    .looseObject({ wait: flexibleBoolean.optional(), timeout: z.number().positive().optional() })
    .optional(),
});

const joinSchema = z.looseObject({
  config: configSchema.prefault({}),
  access_token: z.string().nullish(),
  user_token: z.string().nullish(),
});

export type JoinPayload = z.infer<typeof joinSchema>;
export type JoinConfig = JoinPayload['config'];

export type JoinParse = { ok: true; join: JoinPayload } | { ok: false; reason: string };

export function parseJoinPayload(payload: unknown): JoinParse {
  const result = joinSchema.safeParse(payload ?? {});
  if (result.success) return { ok: true, join: result.data };
  const details = result.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`);
  return { ok: false, reason: `InvalidJoinPayload: ${details.join('; ')}` };
}

/** The token a join (or refresh) carries; absent or an opaque `sb_` key means "the socket's key". */
export function carriedToken(join: Pick<JoinPayload, 'access_token' | 'user_token'>): string | null {
  const token = join.user_token ?? join.access_token ?? null;
  return token && !token.startsWith('sb_') ? token : null;
}
