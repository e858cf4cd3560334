import type { SupabaseClient, User } from '@supabase/supabase-js';
import { HttpError } from '../_shared/http.ts';
import { identityHashValid } from './identity.ts';
import { originAllowed } from './origin.ts';
import { type PrechatField, readPrechat } from './prechat.ts';
import type { WidgetSessionRequest } from './request.ts';
import { describeBrowser, describeLocation } from './visitor-context.ts';

/** What public.service_role_widget_for_session returns (identity secret included: server only). */
interface WidgetForSession {
  widget_id: string;
  org_id: string;
  allowed_domains: string[];
  require_verified_identity: boolean;
  prechat_fields: PrechatField[];
  identity_secret: string | null;
}

export interface SessionContext {
  /** Acts as the visitor: RLS applies. */
  visitor: SupabaseClient;
  /** Service role: reads the widget's secret and links the visitor to their contact. */
  admin: SupabaseClient;
  headers: Headers;
}

async function anonymousVisitor(visitor: SupabaseClient): Promise<User> {
  const { data, error } = await visitor.auth.getUser();
  if (error || !data.user) throw new HttpError(401, 'not_signed_in', 'Sign in anonymously before opening a widget session.');
  if (!data.user.is_anonymous) throw new HttpError(403, 'not_a_visitor', 'Widget sessions are for anonymous visitor sign-ins.');
  return data.user;
}

async function widgetForSession(admin: SupabaseClient, widgetKey: string): Promise<WidgetForSession> {
  const { data, error } = await admin
    .rpc('service_role_widget_for_session', { widget_key: widgetKey })
    .maybeSingle<WidgetForSession>();
  if (error) throw new Error(`reading the widget failed: ${error.message}`);
  if (!data) throw new HttpError(404, 'unknown_widget', 'No chat widget has this key.');
  return data;
}

/** The host site's user id when its hash proves it; null for visitors without an identity. */
async function verifiedExternalId(widget: WidgetForSession, user: WidgetSessionRequest['user']): Promise<string | null> {
  if (!user?.hash) {
    if (widget.require_verified_identity) {
      throw new HttpError(403, 'identity_required', 'This chat is for signed-in users of the site: send the user id with its identity hash.');
    }
    return null;
  }
  if (!widget.identity_secret) {
    throw new HttpError(403, 'identity_not_set_up', 'Identity verification is not set up for this widget yet.');
  }
  if (!(await identityHashValid(widget.identity_secret, user.id, user.hash))) {
    throw new HttpError(403, 'identity_forged', 'The identity hash does not match this user id.');
  }
  return user.id;
}

/**
 * Admits a visitor to a widget: checks the embedding origin and any claimed identity, links the
 * visitor's anonymous user to their contact (recording page, browser and location) and returns the
 * contact with its recent conversations, read as the visitor.
 */
export async function openWidgetSession({ visitor, admin, headers }: SessionContext, request: WidgetSessionRequest) {
  const user = await anonymousVisitor(visitor);
  const widget = await widgetForSession(admin, request.widget_key);
  if (!originAllowed(request.parent_origin, widget.allowed_domains)) {
    throw new HttpError(403, 'origin_not_allowed', `This chat widget is not enabled on ${request.parent_origin.slice(0, 100)}.`);
  }
  const externalId = await verifiedExternalId(widget, request.user);
  const prechat = readPrechat(widget.prechat_fields, request.prechat);
  const attributes = {
    ...request.attributes,
    ...prechat.attributes,
    ...(request.user && !externalId ? { unverified_user_id: request.user.id } : {}),
  };
  const { data: contactId, error } = await admin.rpc('service_role_identify_contact', {
    widget_id: widget.widget_id,
    user_id: user.id,
    external_id: externalId,
    name: prechat.name ?? request.user?.name ?? null,
    email: prechat.email ?? request.user?.email ?? null,
    attributes,
    page_url: request.page?.url ?? null,
    page_title: request.page?.title ?? null,
    browser: describeBrowser(headers.get('user-agent')),
    location: describeLocation(headers),
  });
  if (error) throw new HttpError(error.code === 'P0001' ? 400 : 500, 'contact_refused', error.message);

  // a browser speaks as one contact per organization: here, the one just linked
  const { data: conversations, error: listError } = await visitor
    .rpc('visitor_conversations')
    .eq('org_id', widget.org_id)
    .order('last_message_at', { ascending: false, nullsFirst: false })
    .limit(20);
  if (listError) throw new Error(`listing conversations failed: ${listError.message}`);
  return { contact_id: contactId as string, widget_id: widget.widget_id, conversations };
}
