import { createClient } from '@supabase/supabase-js';
import type { Database } from '../types/database.ts';
import { env } from './env.ts';
import { uploadProgressFetch } from './upload-progress-fetch.ts';

/** The one Supabase client of the SPA. Only feature `api/` modules import it. */
export const supabase = createClient<Database>(env.VITE_SUPABASE_URL, env.VITE_SUPABASE_PUBLISHABLE_KEY, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
  global: { fetch: uploadProgressFetch },
});
