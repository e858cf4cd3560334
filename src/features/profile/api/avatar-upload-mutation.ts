import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError, toAppError, unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import { trackUploadProgress } from '../../../lib/upload-progress-fetch.ts';
import { avatarPath, avatarProblem } from '../avatar.utils.ts';
import { profileKeys } from './keys.ts';

interface UploadAvatarInput {
  userId: string;
  file: File;
  previousPath: string | null;
  onProgress: (fraction: number) => void;
}

/**
 * Uploads a new avatar into the user's own folder (`<uid>/…`, as the storage policy demands), points
 * the profile at it, then deletes the previous file. Checked here first so that a wrong file fails
 * at once, and again by the bucket (2 MB, png/jpeg/webp/gif).
 */
export async function uploadAvatar({ userId, file, previousPath, onProgress }: UploadAvatarInput): Promise<string> {
  const problem = avatarProblem(file);
  if (problem) throw new AppError(problem);
  const path = avatarPath(userId, file.type, Date.now());
  const stopTracking = trackUploadProgress(`/object/avatars/${path}`, onProgress);
  try {
    const { error } = await supabase.storage.from('avatars').upload(path, file, { contentType: file.type, upsert: false, cacheControl: '31536000' });
    if (error) throw toAppError(error);
  } finally {
    stopTracking();
  }
  unwrap(await supabase.from('profiles').update({ avatar_path: path }).eq('id', userId));
  if (previousPath && previousPath !== path) await supabase.storage.from('avatars').remove([previousPath]);
  return path;
}

export async function removeAvatar({ userId, path }: { userId: string; path: string }) {
  unwrap(await supabase.from('profiles').update({ avatar_path: null }).eq('id', userId));
  await supabase.storage.from('avatars').remove([path]);
}

export function useUploadAvatarMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAvatar,
    meta: { successMessage: 'Avatar updated' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.all }),
  });
}

export function useRemoveAvatarMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeAvatar,
    meta: { successMessage: 'Avatar removed' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.all }),
  });
}
