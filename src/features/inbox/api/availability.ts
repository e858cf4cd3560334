import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Availability } from '../inbox.utils.ts';
import { inboxKeys } from './keys.ts';

/** The caller's own chat availability in an organization. */
export async function fetchMyAvailability(orgId: string, userId: string, signal: AbortSignal): Promise<Availability> {
  const row = unwrap(await supabase.from('memberships').select('availability').eq('org_id', orgId).eq('user_id', userId).abortSignal(signal).single());
  return row.availability as Availability;
}

export function useMyAvailabilityQuery(orgId: string, userId: string) {
  return useQuery({ queryKey: inboxKeys.myAvailability(orgId, userId), queryFn: ({ signal }) => fetchMyAvailability(orgId, userId, signal) });
}

/** Sets the caller's availability; the database tells the other agents and the widget (org:<id>:agents). */
export async function setMyAvailability({ orgId, userId, availability }: { orgId: string; userId: string; availability: Availability }) {
  const row = unwrap(await supabase.from('memberships').update({ availability }).eq('org_id', orgId).eq('user_id', userId).select('availability').maybeSingle());
  if (!row) throw new AppError('Your availability could not be saved.');
  return row.availability as Availability;
}

export function useSetAvailabilityMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setMyAvailability,
    onSuccess: (availability, { orgId, userId }) => {
      queryClient.setQueryData(inboxKeys.myAvailability(orgId, userId), availability);
      void queryClient.invalidateQueries({ queryKey: inboxKeys.chatStaff(orgId) });
    },
  });
}
