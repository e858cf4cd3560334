import { HttpError, json, readJson, serve } from '../_shared/http.ts';
import { adminClient, userClient } from '../_shared/supabase.ts';
import { openWidgetSession } from './handler.ts';
import { describeIssues, WidgetSessionRequest } from './request.ts';

/**
 * POST {widget_key, parent_origin, user?: {id, name, email, hash}, attributes?, page?: {url, title}, prechat?}
 * with the visitor's anonymous session: returns {contact_id, widget_id, conversations}. The widget calls
 * it lazily (on the first message), right after signing in anonymously.
 */
serve(async (req) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST');
  const parsed = WidgetSessionRequest.safeParse(await readJson(req));
  if (!parsed.success) throw new HttpError(400, 'invalid_request', describeIssues(parsed.error));
  return json(await openWidgetSession({ visitor: userClient(req), admin: adminClient(), headers: req.headers }, parsed.data));
});
