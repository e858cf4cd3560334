import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../../src/types/database.ts';
import { admin, client, signedInUser } from './env.ts';

export const ROLE_KEYS = ['owner', 'admin', 'manager', 'agent', 'requester', 'customer'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export interface Actor {
  supabase: SupabaseClient<Database>;
  userId: string;
  email: string;
}

export interface OrgFixture {
  orgId: string;
  slug: string;
  roleIds: Record<RoleKey, string>;
  members: Record<RoleKey, Actor>;
}

let builtinRoles: Record<RoleKey, string> | undefined;

/** Ids of the built-in roles, by key. */
export async function builtinRoleIds(): Promise<Record<RoleKey, string>> {
  if (builtinRoles) return builtinRoles;
  const { data, error } = await admin().from('roles').select('id, key').is('org_id', null);
  if (error) throw error;
  builtinRoles = Object.fromEntries(data.map((role) => [role.key, role.id])) as Record<RoleKey, string>;
  return builtinRoles;
}

export async function actor(tag: string): Promise<Actor> {
  const { supabase, user, email } = await signedInUser(tag);
  return { supabase: supabase as unknown as SupabaseClient<Database>, userId: user.id, email };
}

/** A new organization created by its owner through the API, with one member per built-in role. */
export async function orgWithMembers(tag: string): Promise<OrgFixture> {
  const roleIds = await builtinRoleIds();
  const owner = await actor(`${tag}-owner`);
  const slug = `${tag}-${Math.random().toString(36).slice(2, 10)}`.slice(0, 40);
  const { data: org, error } = await owner.supabase.rpc('create_organization', { name: `Org ${tag}`, slug });
  if (error) throw error;
  const members = { owner } as Record<RoleKey, Actor>;
  for (const key of ROLE_KEYS.filter((k) => k !== 'owner')) {
    members[key] = await actor(`${tag}-${key}`);
    const added = await admin()
      .from('memberships')
      .insert({ org_id: org.id, user_id: members[key].userId, role_id: roleIds[key] });
    if (added.error) throw added.error;
  }
  return { orgId: org.id, slug, roleIds, members };
}

/** A signed-in user of no organization, and the anonymous client. */
export const outsiders = async (tag: string) => ({ stranger: await actor(`${tag}-stranger`), anon: client() });
