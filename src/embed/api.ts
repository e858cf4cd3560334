import { PostgrestClient } from '@supabase/postgrest-js';
import { RealtimeClient } from '@supabase/realtime-js';
import type { Database } from '../types/database.ts';
import { SUPABASE_KEY, SUPABASE_URL } from './env.ts';
import type { ChatMessage } from './chat.utils.ts';
import type { Attributes, HostUser, PageInfo } from './messages.ts';
import { accessToken, ChatError } from './session.ts';

/**
 * The frame's access to the stack: PostgREST and Realtime through the supabase-js sub-packages (RLS
 * decides what the visitor sees), Storage and the widget-session function over plain HTTP.
 */

type Tables = Database['public']['Tables'];
export type Message = Tables['messages']['Row'];
/** A conversation as its visitor sees it (public.visitor_conversation), typed as the table types its columns. */
export type Conversation = Pick<Tables['conversations']['Row'], keyof Database['public']['CompositeTypes']['visitor_conversation']>;
export type WidgetConfig = Database['public']['Functions']['get_widget_config']['Returns'][number];
export interface Attachment {
  path: string;
  name: string;
  size: number;
  mime_type: string;
}

async function authHeaders(): Promise<Record<string, string>> {
  const token = await accessToken();
  return { apikey: SUPABASE_KEY, authorization: `Bearer ${token ?? SUPABASE_KEY}` };
}

const authedFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(await authHeaders())) if (!headers.has(name)) headers.set(name, value);
  return fetch(input, { ...init, headers });
};

export const db = new PostgrestClient<Database>(`${SUPABASE_URL}/rest/v1`, { fetch: authedFetch });

export const realtime = new RealtimeClient(`${SUPABASE_URL.replace(/^http/, 'ws')}/realtime/v1`, {
  params: { apikey: SUPABASE_KEY },
  accessToken,
});

/** Turns a PostgREST error into a ChatError with the server's readable message. */
export function check<T>({ data, error }: { data: T; error: { message: string; code: string } | null }): NonNullable<T> {
  if (error) throw new ChatError(error.message, error.code);
  return data as NonNullable<T>;
}

export async function widgetConfig(widgetKey: string): Promise<WidgetConfig | null> {
  const rows = check(await db.rpc('get_widget_config', { widget_key: widgetKey }));
  return rows[0] ?? null;
}

export interface SessionRequest {
  widget_key: string;
  parent_origin: string;
  user?: HostUser | null;
  attributes?: Attributes;
  page?: PageInfo;
  prechat?: Record<string, string>;
}

export interface WidgetSession {
  contact_id: string;
  widget_id: string;
  conversations: Conversation[];
}

/** Admits the (signed-in) visitor through the widget-session function: origin, identity, contact. */
export async function openSession({ user, ...request }: SessionRequest): Promise<WidgetSession> {
  const body = { ...request, user: user ?? undefined, page: request.page?.url.startsWith('http') ? request.page : undefined };
  const response = await fetch(`${SUPABASE_URL}/functions/v1/widget-session`, {
    method: 'POST',
    headers: { ...(await authHeaders()), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = (await response.json().catch(() => ({}))) as WidgetSession & { code?: string; message?: string };
  if (!response.ok) throw new ChatError(result.message ?? 'The chat could not start.', result.code ?? 'session_failed', response.status);
  return result;
}

const MESSAGE_COLUMNS = 'id, conversation_id, sender_type, sender_name, content, attachments, client_message_id, created_at, delivered_at, read_at';

/** The conversation's messages visible to the visitor, optionally only those from `since` on (catch-up). */
export async function listMessages(conversationId: string, since?: string): Promise<ChatMessage[]> {
  let query = db.from('messages').select(MESSAGE_COLUMNS).eq('conversation_id', conversationId);
  if (since) query = query.gte('created_at', since);
  return check(await query.order('created_at').limit(500)) as unknown as ChatMessage[];
}

export async function startConversation(widgetId: string, contactId: string, visitorEmail?: string): Promise<Conversation> {
  return check(await db.rpc('start_conversation', { widget_id: widgetId, contact_id: contactId, visitor_email: visitorEmail || undefined })
    .overrideTypes<Conversation, { merge: false }>());
}

/** Sends a visitor message; returns the stored row (none when a retry found it already stored). */
export async function sendMessage(conversationId: string, content: string, clientMessageId: string,
  attachments: { path: string; name: string }[] = []): Promise<ChatMessage | null> {
  const rows = check(await db.from('messages').insert({
    conversation_id: conversationId, sender_type: 'visitor', content, client_message_id: clientMessageId, attachments,
  }).select(MESSAGE_COLUMNS));
  return (rows[0] as unknown as ChatMessage | undefined) ?? null;
}

export async function markRead(conversationId: string) {
  check(await db.rpc('mark_conversation_read', { conversation_id: conversationId }));
}

export async function submitCsat(conversationId: string, rating: number, comment: string) {
  check(await db.rpc('submit_csat', { conversation_id: conversationId, rating, comment }));
}

/** The visitor's latest conversation of a widget, or their conversation with an id (visitors do not read the table). */
export async function ownConversation(filter: { widget_id: string } | { conversation_id: string }): Promise<Conversation | null> {
  const rows = check(await db.rpc('visitor_conversations', filter).order('created_at', { ascending: false }).limit(1)
    .overrideTypes<Conversation[], { merge: false }>());
  return rows[0] ?? null;
}

const BUCKET = 'chat-attachments';
const objectUrl = (path: string) => `${SUPABASE_URL}/storage/v1/object/${BUCKET}/${path.split('/').map(encodeURIComponent).join('/')}`;

/** Uploads a file into the conversation's folder, reporting progress (0…1); returns its path. */
export async function uploadAttachment(orgFolder: string, conversationId: string, file: File, onProgress: (fraction: number) => void): Promise<string> {
  const safeName = file.name.replace(/[^\w.-]+/g, '_').slice(-80) || 'file';
  const path = `${orgFolder}/${conversationId}/${crypto.randomUUID()}-${safeName}`;
  const headers = await authHeaders();
  await new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', objectUrl(path));
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      if (xhr.status < 300) return resolve();
      let message = 'The upload failed.';
      try {
        message = (JSON.parse(xhr.responseText) as { message?: string }).message ?? message;
      } catch {
        // not JSON: keep the generic message
      }
      reject(new ChatError(message, 'upload_failed', xhr.status));
    };
    xhr.onerror = () => reject(new ChatError('The upload failed: check your connection.', 'upload_failed'));
    xhr.send(file);
  });
  return path;
}

/** A short-lived URL to show or download an attachment (RLS decides whether the visitor may). */
export async function attachmentUrl(path: string): Promise<string> {
  const response = await fetch(`${SUPABASE_URL}/storage/v1/object/sign/${BUCKET}/${path.split('/').map(encodeURIComponent).join('/')}`, {
    method: 'POST',
    headers: { ...(await authHeaders()), 'content-type': 'application/json' },
    body: JSON.stringify({ expiresIn: 3600 }),
  });
  if (!response.ok) throw new ChatError('This file is not available.', 'attachment_unavailable', response.status);
  const { signedURL } = (await response.json()) as { signedURL: string };
  return `${SUPABASE_URL}/storage/v1${signedURL}`;
}
