/**
 * The body of `POST /api/broadcast`: `{"messages": [{topic, event, payload, private?, id?}]}`.
 * Invalid bodies get Realtime's 422 shape, errors nested like the request:
 * `{"errors": {"messages": [{"payload": ["is invalid"]}]}}`.
 */
import { z } from 'zod';
import type { EncodedPayload } from './protocol/serializer.ts';
import { SETTINGS } from './settings.ts';

export interface BatchMessage {
  topic: string;
  event: string;
  payload: EncodedPayload;
  isPrivate: boolean;
  id?: string;
}

const messageSchema = z.object({
  topic: z.string({ error: "can't be blank" }).min(1, "can't be blank"),
  event: z.string({ error: "can't be blank" }).min(1, "can't be blank"),
  payload: z
    .record(z.string(), z.unknown(), { error: 'is invalid' })
    .refine((payload) => Buffer.byteLength(JSON.stringify(payload)) <= SETTINGS.maxPayloadBytes, 'Payload size exceeds tenant limit'),
  private: z.boolean({ error: 'is invalid' }).optional(),
  id: z.string({ error: 'is invalid' }).optional(),
});

const batchSchema = z.object({ messages: z.array(messageSchema, { error: "can't be blank" }).min(1, "can't be blank") });

type ErrorTree = { [key: string]: ErrorTree | ErrorTree[] | string[] };

/** Puts `message` at `path`, nesting like Ecto renders changeset errors (lists for embeds). */
function place(node: ErrorTree, path: PropertyKey[], message: string) {
  const [key, next, ...rest] = path;
  const name = String(key ?? 'messages');
  if (next === undefined) {
    const existing = node[name];
    node[name] = [...(Array.isArray(existing) && typeof existing[0] === 'string' ? (existing as string[]) : []), message];
  } else if (typeof next === 'number') {
    const list = (Array.isArray(node[name]) ? node[name] : (node[name] = [])) as ErrorTree[];
    for (let i = 0; i <= next; i++) list[i] ??= {};
    place(list[next], rest.length > 0 ? rest : ['base'], message);
  } else {
    place((node[name] ??= {}) as ErrorTree, [next, ...rest], message);
  }
}

function errorTree(issues: z.core.$ZodIssue[]): ErrorTree {
  const root: ErrorTree = {};
  for (const issue of issues) place(root, issue.path, issue.message);
  return root;
}

export type BatchParse = { ok: true; messages: BatchMessage[] } | { ok: false; errors: ErrorTree };

export function parseBatch(body: Buffer): BatchParse {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return { ok: false, errors: { body: ['is not valid JSON'] } };
  }
  const result = batchSchema.safeParse(json);
  if (!result.success) return { ok: false, errors: errorTree(result.error.issues) };
  const messages = result.data.messages.map((message) => ({
    topic: message.topic,
    event: message.event,
    payload: { encoding: 'json', text: JSON.stringify(message.payload) } as const,
    isPrivate: message.private ?? false,
    id: message.id,
  }));
  return { ok: true, messages };
}
