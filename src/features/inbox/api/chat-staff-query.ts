import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Availability } from '../inbox.utils.ts';
import { inboxKeys } from './keys.ts';

export interface ChatAgent {
  userId: string;
  name: string;
  availability: Availability;
}

/** Members who may reply to chats (the only possible assignees), with their availability. */
export async function fetchChatStaff(orgId: string, signal: AbortSignal): Promise<ChatAgent[]> {
  const memberships = unwrap(
    await supabase
      .from('memberships')
      .select('user_id, availability, role:roles!inner(role_permissions!inner(permission))')
      .eq('org_id', orgId)
      .eq('role.role_permissions.permission', 'conversations.reply')
      .abortSignal(signal),
  );
  const ids = memberships.map((membership) => membership.user_id);
  const profiles = ids.length ? unwrap(await supabase.from('profiles').select('id, display_name, email').in('id', ids).abortSignal(signal)) : [];
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  return memberships
    .map((membership) => ({
      userId: membership.user_id,
      name: byId.get(membership.user_id)?.display_name || byId.get(membership.user_id)?.email || 'Unnamed member',
      availability: membership.availability as Availability,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function useChatStaffQuery(orgId: string) {
  return useQuery({ queryKey: inboxKeys.chatStaff(orgId), queryFn: ({ signal }) => fetchChatStaff(orgId, signal) });
}

export async function fetchTeams(orgId: string, signal: AbortSignal) {
  return unwrap(await supabase.from('teams').select('id, name').eq('org_id', orgId).order('name').abortSignal(signal));
}

export function useTeamsQuery(orgId: string) {
  return useQuery({ queryKey: inboxKeys.teams(orgId), queryFn: ({ signal }) => fetchTeams(orgId, signal) });
}
