import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { securityKeys } from './keys.ts';

/** The user's signed-in devices, most recently active first (`list_my_sessions`). */
export async function fetchSessions(signal: AbortSignal) {
  return unwrap(await supabase.rpc('list_my_sessions').abortSignal(signal));
}

export type UserSession = Awaited<ReturnType<typeof fetchSessions>>[number];

export function useSessionsQuery(userId: string) {
  return useQuery({ queryKey: securityKeys.sessions(userId), queryFn: ({ signal }) => fetchSessions(signal) });
}
