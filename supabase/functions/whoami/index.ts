import { HttpError, json, serve } from '../_shared/http.ts';
import { userClient } from '../_shared/supabase.ts';

/**
 * Who the caller is (verify_jwt = true): the user Auth knows for the token, if any, and the
 * identity the database sees through `public.whoami()` (so RLS decisions can be explained).
 */
serve(async (req) => {
  const supabase = userClient(req);
  const [auth, database] = await Promise.all([supabase.auth.getUser(), supabase.rpc('whoami')]);
  if (database.error) throw new HttpError(502, 'database_error', database.error.message);
  const user = auth.data.user;
  return json({
    ...(database.data as { uid: string | null; role: string; email: string | null }),
    user: user ? { id: user.id, email: user.email ?? null, is_anonymous: user.is_anonymous ?? false } : null,
  });
});
