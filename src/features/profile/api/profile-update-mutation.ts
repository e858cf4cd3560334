import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { TablesUpdate } from '../../../types/database.ts';
import { profileKeys } from './keys.ts';

export type ProfileChanges = Pick<TablesUpdate<'profiles'>, 'display_name' | 'locale'>;

export async function updateProfile({ userId, changes }: { userId: string; changes: ProfileChanges }) {
  unwrap(await supabase.from('profiles').update(changes).eq('id', userId));
}

export function useUpdateProfileMutation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => updateProfile({ userId, changes }),
    meta: { successMessage: 'Profile saved' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.all }),
  });
}
