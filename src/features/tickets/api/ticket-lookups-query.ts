import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { ticketKeys } from './keys.ts';

/** The organization's statuses in lifecycle order. */
export async function fetchStatuses(orgId: string, signal: AbortSignal) {
  return unwrap(
    await supabase.from('ticket_statuses').select('id, name, category, position').eq('org_id', orgId).order('category').order('position').abortSignal(signal),
  );
}

export type TicketStatus = Awaited<ReturnType<typeof fetchStatuses>>[number];

export function useStatusesQuery(orgId: string) {
  return useQuery({ queryKey: ticketKeys.statuses(orgId), queryFn: ({ signal }) => fetchStatuses(orgId, signal), staleTime: 5 * 60_000 });
}

/** The organization's teams (readable with members.view; empty otherwise). */
export async function fetchTeams(orgId: string, signal: AbortSignal) {
  return unwrap(await supabase.from('teams').select('id, name').eq('org_id', orgId).order('name').abortSignal(signal));
}

export function useTeamsQuery(orgId: string) {
  return useQuery({ queryKey: ticketKeys.teams(orgId), queryFn: ({ signal }) => fetchTeams(orgId, signal), staleTime: 5 * 60_000 });
}

/** The organization's custom ticket fields, in form order. */
export async function fetchTicketFields(orgId: string, signal: AbortSignal) {
  return unwrap(
    await supabase.from('ticket_fields').select('id, key, label, type, options, required, position').eq('org_id', orgId).order('position').order('label').abortSignal(signal),
  );
}

export type TicketField = Awaited<ReturnType<typeof fetchTicketFields>>[number];

export function useTicketFieldsQuery(orgId: string) {
  return useQuery({ queryKey: ticketKeys.fields(orgId), queryFn: ({ signal }) => fetchTicketFields(orgId, signal) });
}
