/** The avatars bucket's limits (migration sessions-and-avatars): 2 MB, four image types. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};
export const AVATAR_ACCEPT = Object.keys(AVATAR_TYPES).join(',');

/** Why a file cannot be an avatar, or null. */
export function avatarProblem(file: { type: string; size: number }): string | null {
  if (!AVATAR_TYPES[file.type]) return 'Choose a PNG, JPEG, WebP or GIF image.';
  if (file.size > AVATAR_MAX_BYTES) return `Choose an image of at most 2 MB (this one is ${(file.size / 1024 / 1024).toFixed(1)} MB).`;
  if (file.size === 0) return 'This file is empty.';
  return null;
}

/** "<user id>/avatar-<time>.<ext>": inside the user's own folder, a new name each time so caches never serve the old picture. */
export function avatarPath(userId: string, type: string, now: number): string {
  return `${userId}/avatar-${now.toString(36)}.${AVATAR_TYPES[type] ?? 'img'}`;
}
