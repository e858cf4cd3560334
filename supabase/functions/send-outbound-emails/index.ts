import { batchSizeParam, HttpError, json, serve } from '../_shared/http.ts';
import { userClient } from '../_shared/supabase.ts';
import { sendQueuedEmails } from './handler.ts';

/**
 * POST with the service role key (pg_cron + pg_net every minute): sends up to `?batch=N` (default 20)
 * queued chat emails and returns {sent, failed}.
 */
serve(async (req) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST');
  return json(await sendQueuedEmails(userClient(req), batchSizeParam(req, 20, 100)));
});
