import { createHmac } from 'node:crypto';
import { createClient, FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { Database } from '../../../src/types/database.ts';
import { admin, ANON, SUPABASE_URL } from './env.ts';
import { actor, orgWithMembers, type Actor, type OrgFixture } from './org.ts';

/** Chat widget fixtures: visitors (anonymous users), widgets, sessions, conversations and topics. */

type Chat = SupabaseClient<Database>;
export type Widget = Database['public']['Tables']['widgets']['Row'];
export type Conversation = Database['public']['Tables']['conversations']['Row'];
/** A conversation as its visitor reads it (visitors read conversations only through the visitor RPCs). */
export type VisitorConversation = Pick<Conversation, keyof Database['public']['CompositeTypes']['visitor_conversation']>;

/** The host site the fixture widgets are embedded on. */
export const SITE = 'https://shop.example.com';

/** A random address, so that each visitor has its own per-IP limits (the gateway passes X-Forwarded-For on). */
export const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 254) + 1).join('.')}`;

export interface Visitor {
  supabase: Chat;
  userId: string;
  token: string;
  ip: string;
}

function chatClient(ip: string, accessToken?: string, headers: Record<string, string> = {}): Chat {
  return createClient<Database>(SUPABASE_URL, ANON, {
    ...(accessToken
      ? { accessToken: async () => accessToken }
      : { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }),
    global: { headers: { 'x-forwarded-for': ip, ...headers } },
    realtime: { transport: WebSocket as never },
  });
}

/** A widget visitor: an anonymous sign-in from its own (random) IP address; `headers` go on every request. */
export async function visitor(ip = randomIp(), headers: Record<string, string> = {}): Promise<Visitor> {
  const supabase = chatClient(ip, undefined, headers);
  const { data, error } = await supabase.auth.signInAnonymously();
  if (error) throw error;
  return { supabase, userId: data.user!.id, token: data.session!.access_token, ip };
}

/** A signed-out client (the anon key), typed like the others. */
export const anonChat = (): Chat => chatClient(randomIp());

/** The same visitor session seen from another IP address. */
export const sameVisitorFrom = (who: Visitor, ip: string): Chat => chatClient(ip, who.token);

export interface ChatOrg extends OrgFixture {
  widget: Widget;
}

/** An organization open around the clock, with every built-in role and one widget embedded on SITE. */
export async function chatOrg(tag: string, widget: Partial<Widget> = {}): Promise<ChatOrg> {
  const org = await orgWithMembers(tag);
  const allDay = [{ open: '00:00', close: '24:00' }];
  const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, allDay]));
  const opened = await org.members.owner.supabase.from('organizations').update({ business_hours: hours }).eq('id', org.orgId);
  if (opened.error) throw opened.error;
  return { ...org, widget: await createWidget(org.members.admin, org.orgId, widget) };
}

export async function createWidget(by: Actor, orgId: string, fields: Partial<Widget> = {}): Promise<Widget> {
  const { data, error } = await by.supabase
    .from('widgets').insert({ org_id: orgId, name: 'Shop chat', allowed_domains: ['shop.example.com'], ...fields })
    .select().single();
  if (error) throw error;
  return data;
}

/** An organization of someone else, where they hold every permission. */
export async function otherOrgOwner(tag: string): Promise<Actor & { orgId: string }> {
  const owner = await actor(`${tag}-other`);
  const slug = `${tag}-other-${Math.random().toString(36).slice(2, 8)}`.slice(0, 40);
  const { data, error } = await owner.supabase.rpc('create_organization', { name: `Other ${tag}`, slug });
  if (error) throw error;
  return { ...owner, orgId: data.id };
}

export type SessionBody = Record<string, unknown>;

/** Calls the widget-session function as the visitor; returns its data or its error body. */
export async function openSession(who: Visitor, widgetKey: string, body: SessionBody = {}) {
  const { data, error } = await who.supabase.functions.invoke('widget-session', {
    body: { widget_key: widgetKey, parent_origin: SITE, ...body },
  });
  if (!error) return { data: data as { contact_id: string; widget_id: string; conversations: VisitorConversation[] }, status: 200 };
  if (!(error instanceof FunctionsHttpError)) throw error;
  return { data: null, status: error.context.status as number, error: (await error.context.json()) as { code: string; message: string } };
}

/** The visitor's contact id after a successful session. */
export async function contactFor(who: Visitor, widgetKey: string, body: SessionBody = {}): Promise<string> {
  const session = await openSession(who, widgetKey, body);
  if (!session.data) throw new Error(`widget session refused: ${JSON.stringify(session.error)}`);
  return session.data.contact_id;
}

/** A visitor with a session and one open conversation. */
export async function visitorWithConversation(org: ChatOrg, ip?: string) {
  const who = await visitor(ip);
  const contactId = await contactFor(who, org.widget.widget_key);
  const conversation = await startConversation(who, org.widget.id, contactId);
  return { ...who, contactId, conversation };
}

/** Starts a conversation as the widget does (public.start_conversation); returns it as the visitor sees it. */
export async function startConversation(who: { supabase: Chat }, widgetId: string, contactId: string, visitorEmail?: string) {
  const { data, error } = await who.supabase
    .rpc('start_conversation', { widget_id: widgetId, contact_id: contactId, visitor_email: visitorEmail })
    .overrideTypes<VisitorConversation, { merge: false }>();
  if (error) throw error;
  return data;
}

/** Sends a message as a visitor or agent; returns the insert's result for assertions. */
export function send(by: { supabase: Chat }, conversationId: string, content: string,
  extra: Partial<Database['public']['Tables']['messages']['Insert']> = {}) {
  return by.supabase
    .from('messages')
    .insert({ conversation_id: conversationId, sender_type: 'visitor', content, ...extra })
    .select();
}

export const reply = (by: { supabase: Chat }, conversationId: string, content: string, isPrivate = false) =>
  send(by, conversationId, content, { sender_type: 'agent', is_private: isPrivate });

/** hex(HMAC-SHA256(secret, userId)): what a host site's server computes. */
export const identityHash = (secret: string, userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

/** Rows the service role sees, for checking what was (not) stored. */
export async function messagesOf(conversationId: string) {
  const { data, error } = await admin().from('messages').select('*').eq('conversation_id', conversationId).order('created_at');
  if (error) throw error;
  return data;
}
