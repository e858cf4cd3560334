import { batchSizeParam, HttpError, json, serve } from '../_shared/http.ts';
import { userClient } from '../_shared/supabase.ts';
import { purgeQueuedFiles } from './handler.ts';

/**
 * POST with the service role key (pg_cron + pg_net every five minutes): removes up to `?batch=N`
 * (default 100) files of deleted tickets and conversations and returns {removed, failed}.
 */
serve(async (req) => {
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST');
  return json(await purgeQueuedFiles(userClient(req), batchSizeParam(req, 100, 1000)));
});
