import { useQuery } from '@tanstack/react-query';
import { toAppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Availability, Person, Team } from '../teams.utils.ts';
import { teamKeys } from './keys.ts';

/** The organization's teams with their members' ids, by name (readable with members.view). */
export async function fetchTeams(orgId: string, signal: AbortSignal): Promise<Team[]> {
  const rows = unwrap(
    await supabase.from('teams').select('id, name, description, assignment_mode, team_members(user_id)').eq('org_id', orgId).order('name').abortSignal(signal),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    assignmentMode: row.assignment_mode,
    memberIds: row.team_members.map((member) => member.user_id),
  }));
}

export function useTeamsQuery(orgId: string) {
  return useQuery({ queryKey: teamKeys.teams(orgId), queryFn: ({ signal }) => fetchTeams(orgId, signal) });
}

/**
 * Every member with their role, availability and whether they work tickets (memberships → roles →
 * permissions), then their profiles.
 */
export async function fetchPeople(orgId: string, signal: AbortSignal): Promise<Person[]> {
  const memberships = unwrap(
    await supabase.from('memberships').select('user_id, availability, role:roles!inner(name, role_permissions(permission))').eq('org_id', orgId).abortSignal(signal),
  );
  const ids = memberships.map((membership) => membership.user_id);
  const profiles = ids.length ? unwrap(await supabase.from('profiles').select('id, display_name, email, avatar_path').in('id', ids).abortSignal(signal)) : [];
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  return memberships.map(({ user_id: userId, availability, role }) => {
    const profile = byId.get(userId);
    return {
      userId,
      name: profile?.display_name || profile?.email || 'Unnamed member',
      email: profile?.email ?? null,
      avatarUrl: profile?.avatar_path ? supabase.storage.from('avatars').getPublicUrl(profile.avatar_path).data.publicUrl : null,
      roleName: role.name,
      availability: availability as Availability,
      worksTickets: role.role_permissions.some((grant) => grant.permission === 'tickets.view'),
    };
  });
}

export function usePeopleQuery(orgId: string) {
  return useQuery({ queryKey: teamKeys.people(orgId), queryFn: ({ signal }) => fetchPeople(orgId, signal) });
}

/** How many tickets the caller can see in the team (asked before deleting it). */
export async function countTeamTickets(teamId: string, signal: AbortSignal): Promise<number> {
  const { count, error } = await supabase.from('tickets').select('id', { count: 'exact', head: true }).eq('team_id', teamId).abortSignal(signal);
  if (error) throw toAppError(error);
  return count ?? 0;
}

export function useTeamTicketCountQuery(teamId: string, enabled: boolean) {
  return useQuery({ queryKey: teamKeys.ticketCount(teamId), queryFn: ({ signal }) => countTeamTickets(teamId, signal), enabled, staleTime: 0 });
}
