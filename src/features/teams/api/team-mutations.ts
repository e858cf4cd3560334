import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, toAppError, unwrap } from '../../../lib/errors.ts';
import { invalidateOrgQueries } from '../../../lib/org-queries.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { TeamValues } from '../team.schema.ts';
import { withMember, type AssignmentMode, type Team } from '../teams.utils.ts';
import { teamKeys } from './keys.ts';

/** The database's unique (org_id, name) refusal, in words. */
function teamWriteError(error: { code?: string }, name?: string): AppError {
  if (error.code === '23505') return new AppError(`Another team is already named “${name}”.`, 'Choose another name.', '23505');
  return toAppError(error);
}

/** Creates a team (teams.manage); new teams assign manually until a mode is chosen. */
export async function createTeam({ orgId, values }: { orgId: string; values: TeamValues }): Promise<void> {
  const { error } = await supabase.from('teams').insert({ org_id: orgId, ...values });
  if (error) throw teamWriteError(error, values.name);
}

type TeamChanges = Partial<TeamValues> & { assignment_mode?: AssignmentMode };

/** Renames a team, or changes its description or assignment mode. */
export async function updateTeam({ teamId, changes }: { teamId: string; changes: TeamChanges }): Promise<void> {
  const { data, error } = await supabase.from('teams').update(changes).eq('id', teamId).select('id');
  if (error) throw teamWriteError(error, changes.name);
  if (!data.length) throw new AppError('You cannot change this team.', 'It may have been deleted: reload the page.');
}

/** Deletes a team: its tickets and chats keep their assignee and lose their team (on delete set null). */
export async function deleteTeam(teamId: string): Promise<void> {
  const deleted = unwrap(await supabase.from('teams').delete().eq('id', teamId).select('id'));
  if (!deleted.length) throw new AppError('You cannot delete this team.', 'It may have been deleted already: reload the page.');
}

/** Adds a member to a team (the guard refuses people outside the organization); already there is fine. */
export async function addTeamMember({ orgId, teamId, userId }: { orgId: string; teamId: string; userId: string }): Promise<void> {
  const { error } = await supabase.from('team_members').insert({ org_id: orgId, team_id: teamId, user_id: userId });
  if (error?.code === '23505') return;
  if (error) throw toAppError(error);
}

export async function removeTeamMember({ teamId, userId }: { teamId: string; userId: string }): Promise<void> {
  unwrap(await supabase.from('team_members').delete().eq('team_id', teamId).eq('user_id', userId));
}

/** Refreshes every cached copy of the organization's teams (this page, ticket and inbox pickers). */
function useRefreshTeams(orgId: string) {
  const queryClient = useQueryClient();
  return () => invalidateOrgQueries(queryClient, orgId, 'teams');
}

export function useCreateTeamMutation(orgId: string) {
  const refresh = useRefreshTeams(orgId);
  return useMutation({
    mutationFn: (values: TeamValues) => createTeam({ orgId, values }),
    meta: { successMessage: 'Team created', silentError: true },
    // (also after a refusal: a name taken meanwhile shows up in the list)
    onSettled: refresh,
  });
}

export function useEditTeamMutation(orgId: string) {
  const refresh = useRefreshTeams(orgId);
  return useMutation({
    mutationFn: (input: { teamId: string; changes: TeamValues }) => updateTeam(input),
    meta: { successMessage: 'Team saved', silentError: true },
    // (also after a refusal: a name taken meanwhile shows up in the list)
    onSettled: refresh,
  });
}

export function useDeleteTeamMutation(orgId: string) {
  const refresh = useRefreshTeams(orgId);
  return useMutation({ mutationFn: deleteTeam, meta: { successMessage: 'Team deleted' }, onSuccess: refresh });
}

/**
 * A change shown in the list at once and undone if the database refuses it (the refusal is toasted):
 * the assignment mode and the members are safe to show early, the next read confirms them.
 */
function useOptimisticTeamMutation<T extends { teamId: string }>(orgId: string, mutationFn: (input: T) => Promise<void>, apply: (team: Team, input: T) => Team) {
  const queryClient = useQueryClient();
  const refresh = useRefreshTeams(orgId);
  const key = teamKeys.teams(orgId);
  return useMutation({
    mutationFn,
    onMutate: async (input: T) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Team[]>(key);
      queryClient.setQueryData<Team[]>(key, (teams) => teams?.map((team) => (team.id === input.teamId ? apply(team, input) : team)));
      return { before };
    },
    onError: (_error, _input, context) => queryClient.setQueryData(key, context?.before),
    onSettled: refresh,
  });
}

export function useAssignmentModeMutation(orgId: string) {
  return useOptimisticTeamMutation(
    orgId,
    ({ teamId, mode }: { teamId: string; mode: AssignmentMode }) => updateTeam({ teamId, changes: { assignment_mode: mode } }),
    (team, { mode }) => ({ ...team, assignmentMode: mode }),
  );
}

export function useTeamMemberMutation(orgId: string) {
  return useOptimisticTeamMutation(
    orgId,
    ({ teamId, userId, present }: { teamId: string; userId: string; present: boolean }) =>
      present ? addTeamMember({ orgId, teamId, userId }) : removeTeamMember({ teamId, userId }),
    (team, { userId, present }) => withMember(team, userId, present),
  );
}
