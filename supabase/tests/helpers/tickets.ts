import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../../src/types/database.ts';
import { admin, client } from './env.ts';
import { actor, ROLE_KEYS, type Actor, type OrgFixture, type RoleKey } from './org.ts';

/** Fixtures of the ticket specs (10–19): tickets, statuses, outsiders and anonymous visitors. */

type Db = SupabaseClient<Database>;
export type Ticket = Database['public']['Tables']['tickets']['Row'];
export type Category = Database['public']['Enums']['ticket_status_category'];

/** Everyone a ticket matrix looks at: the six roles, a member of another org, anon and a widget visitor. */
export interface Cast {
  org: OrgFixture;
  members: Record<RoleKey, Actor>;
  /** Owner of another organization (every permission, elsewhere). */
  otherOrg: Actor & { orgId: string };
  anon: Db;
  /** An anonymous sign-in, as the chat widget makes them. */
  visitor: Actor;
}

export const STAFF = ['owner', 'admin', 'manager', 'agent'] as const;
export const NON_STAFF = ['requester', 'customer'] as const;
export { ROLE_KEYS };

/** An owner of a fresh organization of their own. */
export async function otherOrgOwner(tag: string): Promise<Actor & { orgId: string }> {
  const owner = await actor(`${tag}-other`);
  const slug = `${tag}-other-${Math.random().toString(36).slice(2, 8)}`.slice(0, 40);
  const { data, error } = await owner.supabase.rpc('create_organization', { name: `Other ${tag}`, slug });
  if (error) throw error;
  return { ...owner, orgId: data.id };
}

/** A visitor signed in anonymously (role authenticated, is_anonymous true). */
export async function anonymousVisitor(): Promise<Actor> {
  const supabase = client() as unknown as Db;
  const { data, error } = await supabase.auth.signInAnonymously();
  if (error || !data.user) throw error ?? new Error('no anonymous user');
  return { supabase, userId: data.user.id, email: '' };
}

export async function cast(org: OrgFixture, tag: string): Promise<Cast> {
  return {
    org,
    members: org.members,
    otherOrg: await otherOrgOwner(tag),
    anon: client() as unknown as Db,
    visitor: await anonymousVisitor(),
  };
}

/** The organization's default status id per category. */
export async function statusIds(orgId: string): Promise<Record<Category, string>> {
  const { data, error } = await admin().from('ticket_statuses').select('id, category').eq('org_id', orgId).eq('is_default', true);
  if (error) throw error;
  return Object.fromEntries(data.map((s) => [s.category, s.id])) as Record<Category, string>;
}

type NewTicket = Database['public']['Tables']['tickets']['Insert'];

/** Raises a ticket as `who` (through the API) and returns it; throws the API error otherwise. */
export async function raiseTicket(who: Actor, orgId: string, fields: Partial<NewTicket> = {}): Promise<Ticket> {
  const { data, error } = await who.supabase
    .from('tickets')
    .insert({ org_id: orgId, subject: 'Printer on fire', description: 'It is really on fire.', ...fields })
    .select()
    .single();
  if (error) throw Object.assign(new Error(error.message), error);
  return data;
}

/** The ticket as the service role sees it. */
export async function ticketAsAdmin(id: string): Promise<Ticket> {
  const { data, error } = await admin().from('tickets').select().eq('id', id).single();
  if (error) throw error;
  return data;
}

/** Moves a ticket to the default status of a category, as `who`. */
export function moveTicket(who: Actor, ticketId: string, statusId: string, extra: Partial<NewTicket> = {}) {
  return who.supabase.from('tickets').update({ status_id: statusId, ...extra }).eq('id', ticketId).select('id, status_category');
}

/** Sets a ticket's status as the service role (arranging a scenario, no lifecycle rules). */
export async function forceStatus(ticketId: string, statusId: string) {
  const { error } = await admin().from('tickets').update({ status_id: statusId }).eq('id', ticketId);
  if (error) throw error;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
