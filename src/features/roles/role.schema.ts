import { z } from 'zod';
import { CUSTOM_ROLE_MAX_RANK } from './role.utils.ts';

/** A custom role; `maxRank` is the editor's own limit (their rank, and below admins). */
export function roleSchema(maxRank: number) {
  const max = Math.min(maxRank, CUSTOM_ROLE_MAX_RANK);
  return z.object({
    name: z.string().trim().min(1, 'Name the role.').max(60, 'Use at most 60 characters.'),
    description: z.string().trim().max(300, 'Use at most 300 characters.'),
    rank: z.number({ error: 'Enter a number.' }).int('Use a whole number.').min(1, 'Use at least 1.').max(max, `Use at most ${max}.`),
    permissions: z.array(z.string()),
  });
}
export type RoleValues = z.infer<ReturnType<typeof roleSchema>>;
