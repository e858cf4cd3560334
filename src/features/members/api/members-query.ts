import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { memberKeys } from './keys.ts';

export interface Member {
  membershipId: string;
  userId: string;
  name: string;
  email: string | null;
  avatarUrl: string | null;
  role: { id: string; name: string; rank: number };
  joinedAt: string;
}

/** The organization's members with their roles and profiles (two requests: profiles hang off auth.users). */
export async function fetchMembers(orgId: string, signal: AbortSignal): Promise<Member[]> {
  const memberships = unwrap(
    await supabase.from('memberships').select('id, user_id, created_at, role:roles!inner(id, name, rank)').eq('org_id', orgId).abortSignal(signal),
  );
  const ids = memberships.map((membership) => membership.user_id);
  const profiles = ids.length
    ? unwrap(await supabase.from('profiles').select('id, display_name, email, avatar_path').in('id', ids).abortSignal(signal))
    : [];
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  return memberships
    .map((membership) => {
      const profile = byId.get(membership.user_id);
      return {
        membershipId: membership.id,
        userId: membership.user_id,
        name: profile?.display_name || profile?.email || 'Unnamed member',
        email: profile?.email ?? null,
        avatarUrl: profile?.avatar_path ? supabase.storage.from('avatars').getPublicUrl(profile.avatar_path).data.publicUrl : null,
        role: membership.role,
        joinedAt: membership.created_at,
      };
    })
    .sort((a, b) => b.role.rank - a.role.rank || a.name.localeCompare(b.name));
}

export function useMembersQuery(orgId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: memberKeys.list(orgId), queryFn: ({ signal }) => fetchMembers(orgId, signal), enabled: options.enabled });
}
