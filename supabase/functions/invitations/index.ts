import { HttpError, json, readJson, serve } from '../_shared/http.ts';
import { userClient } from '../_shared/supabase.ts';
import { handleInvitation, InvitationRequest } from './handler.ts';

/**
 * POST {action: "create", org_id, email, role_id} or {action: "resend", invitation_id}:
 * issues the invitation as the caller (RLS and the database's role rules apply) and emails the link.
 */
serve(async (req) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST');
  const parsed = InvitationRequest.safeParse(await readJson(req));
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return json(await handleInvitation(userClient(req), parsed.data));
});
