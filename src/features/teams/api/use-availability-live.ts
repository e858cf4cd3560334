import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listen } from '../../../lib/realtime-topics.ts';
import type { Availability, Person } from '../teams.utils.ts';
import { teamKeys } from './keys.ts';

/**
 * Members' availability as it changes (the database announces it on org:<id>:agents, which chat
 * staff may join): who auto-assignment would pick stays true while the page is open.
 */
export function useAvailabilityLive(orgId: string, enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return listen(`org:${orgId}:agents`, (event, payload) => {
      if (event !== 'availability_changed') return;
      queryClient.setQueryData<Person[]>(teamKeys.people(orgId), (people) =>
        people?.map((person) => (person.userId === payload.user_id ? { ...person, availability: payload.availability as Availability } : person)),
      );
    }).stop;
  }, [orgId, enabled, queryClient]);
}
