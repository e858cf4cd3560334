import { corsHeaders } from '@supabase/supabase-js/cors';

/** The CORS headers supabase-js needs (kept in sync with the SDK by the SDK itself). */
export { corsHeaders };

/** Answers a CORS preflight; null for every other method. */
export function preflight(req: Request): Response | null {
  return req.method === 'OPTIONS' ? new Response('ok', { headers: corsHeaders }) : null;
}
