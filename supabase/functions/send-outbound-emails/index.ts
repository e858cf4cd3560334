import { HttpError, json, serve } from '../_shared/http.ts';
import { userClient } from '../_shared/supabase.ts';
import { sendQueuedEmails } from './handler.ts';

/**
 * POST with the service role key (a scheduler, e.g. pg_cron + pg_net every minute): sends up to
 * `?batch=N` (default 20) queued chat emails and returns {sent, failed}.
 */
serve(async (req) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST');
  const batch = Number(new URL(req.url).searchParams.get('batch') ?? 20);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100) {
    throw new HttpError(400, 'invalid_request', 'batch must be a whole number from 1 to 100');
  }
  return json(await sendQueuedEmails(userClient(req), batch));
});
