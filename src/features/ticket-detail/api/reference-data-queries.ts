import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Tables } from '../../../types/database.ts';
import type { StatusOption, TransitionRule } from '../ticket-detail.utils.ts';
import { ticketDetailKeys } from './keys.ts';

/** The organization's data the detail page picks from: statuses and rules, people, teams, fields, saved replies. */

export interface Lifecycle {
  statuses: StatusOption[];
  rules: TransitionRule[];
}

export async function fetchLifecycle(orgId: string, signal: AbortSignal): Promise<Lifecycle> {
  const [statuses, rules] = await Promise.all([
    supabase.from('ticket_statuses').select('id, name, category, position').eq('org_id', orgId).order('position').abortSignal(signal),
    supabase.from('ticket_status_transitions').select('*').abortSignal(signal),
  ]);
  return { statuses: unwrap(statuses), rules: unwrap(rules) };
}

export function useLifecycleQuery(orgId: string) {
  return useQuery({ queryKey: ticketDetailKeys.lifecycle(orgId), queryFn: ({ signal }) => fetchLifecycle(orgId, signal), staleTime: 5 * 60_000 });
}

export interface OrgPerson {
  userId: string;
  name: string;
  availability: string;
  /** May hold and be mentioned on tickets (tickets.view). */
  isAgent: boolean;
}

/** Members with names and whether they are agents (memberships → roles → permissions, then profiles). */
export async function fetchPeople(orgId: string, signal: AbortSignal): Promise<OrgPerson[]> {
  const memberships = unwrap(
    await supabase.from('memberships').select('user_id, availability, role:roles!inner(role_permissions(permission))').eq('org_id', orgId).abortSignal(signal),
  );
  const ids = memberships.map((m) => m.user_id);
  const profiles = ids.length ? unwrap(await supabase.from('profiles').select('id, display_name, email').in('id', ids).abortSignal(signal)) : [];
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return memberships
    .map((m) => ({
      userId: m.user_id,
      name: byId.get(m.user_id)?.display_name || byId.get(m.user_id)?.email || 'Unnamed member',
      availability: m.availability,
      isAgent: m.role.role_permissions.some((grant) => grant.permission === 'tickets.view'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function usePeopleQuery(orgId: string) {
  return useQuery({ queryKey: ticketDetailKeys.people(orgId), queryFn: ({ signal }) => fetchPeople(orgId, signal), staleTime: 60_000 });
}

export type Team = Pick<Tables<'teams'>, 'id' | 'name' | 'assignment_mode'>;

export function useTeamsQuery(orgId: string) {
  return useQuery({
    queryKey: ticketDetailKeys.teams(orgId),
    queryFn: async ({ signal }): Promise<Team[]> =>
      unwrap(await supabase.from('teams').select('id, name, assignment_mode').eq('org_id', orgId).order('name').abortSignal(signal)),
    staleTime: 60_000,
  });
}

export type TicketField = Pick<Tables<'ticket_fields'>, 'id' | 'key' | 'label' | 'type' | 'options' | 'required'>;

export function useTicketFieldsQuery(orgId: string) {
  return useQuery({
    queryKey: ticketDetailKeys.fields(orgId),
    queryFn: async ({ signal }): Promise<TicketField[]> =>
      unwrap(await supabase.from('ticket_fields').select('id, key, label, type, options, required').eq('org_id', orgId).order('position').abortSignal(signal)),
    staleTime: 5 * 60_000,
  });
}

export type SavedReply = Pick<Tables<'saved_replies'>, 'id' | 'title' | 'body' | 'owner_id'>;

export function useSavedRepliesQuery(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ticketDetailKeys.savedReplies(orgId),
    queryFn: async ({ signal }): Promise<SavedReply[]> =>
      unwrap(await supabase.from('saved_replies').select('id, title, body, owner_id').eq('org_id', orgId).order('title').abortSignal(signal)),
    enabled,
  });
}

/** A saved reply rendered for the ticket ({{customer.name}} and friends filled in by the database). */
export async function renderSavedReply(savedReplyId: string, ticketId: string): Promise<string> {
  return unwrap(await supabase.rpc('render_saved_reply', { saved_reply_id: savedReplyId, ticket_id: ticketId }));
}

export interface PeopleDirectory {
  people: OrgPerson[];
  /** False until the members have been read (or could not be). */
  loaded: boolean;
  /** Those who may hold tickets and be mentioned. */
  agents: OrgPerson[];
  nameOf: (userId: unknown) => string;
}

/** Members by id, for names in the thread, timeline and pickers. */
export function usePeopleDirectory(orgId: string): PeopleDirectory {
  const query = usePeopleQuery(orgId);
  const people = query.data;
  const loaded = query.isFetched;
  return useMemo(() => {
    const list = people ?? [];
    const byId = new Map(list.map((p) => [p.userId, p.name]));
    return {
      people: list,
      loaded,
      agents: list.filter((p) => p.isAgent),
      nameOf: (userId: unknown) => (typeof userId === 'string' ? (byId.get(userId) ?? 'Someone') : userId === null ? 'nobody' : 'the system'),
    };
  }, [people, loaded]);
}
