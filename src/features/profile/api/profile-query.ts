import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { profileKeys } from './keys.ts';

export interface Profile {
  id: string;
  displayName: string;
  locale: string;
  avatarPath: string | null;
  /** Public URL of the avatar (the bucket is public), or null. */
  avatarUrl: string | null;
}

export function avatarPublicUrl(path: string | null): string | null {
  return path ? supabase.storage.from('avatars').getPublicUrl(path).data.publicUrl : null;
}

export async function fetchProfile(userId: string, signal: AbortSignal): Promise<Profile> {
  const row = unwrap(await supabase.from('profiles').select('id, display_name, locale, avatar_path').eq('id', userId).abortSignal(signal).single());
  return { id: row.id, displayName: row.display_name, locale: row.locale, avatarPath: row.avatar_path, avatarUrl: avatarPublicUrl(row.avatar_path) };
}

export function useProfileQuery(userId: string) {
  return useQuery({ queryKey: profileKeys.detail(userId), queryFn: ({ signal }) => fetchProfile(userId, signal) });
}
