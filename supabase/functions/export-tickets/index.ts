import { HttpError, readJson, serve } from '../_shared/http.ts';
import { userClient } from '../_shared/supabase.ts';
import { exportTickets } from './export.ts';
import { ExportRequest } from './request.ts';

/**
 * POST {org_id, query?, filters?, sort?}: the caller's tickets of that search as a CSV download,
 * streamed page by page. The search runs as the caller (RLS decides which tickets; comments and
 * internal notes are never exported).
 */
serve(async (req) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST');
  const parsed = ExportRequest.safeParse(await readJson(req));
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return exportTickets(userClient(req), parsed.data);
});
