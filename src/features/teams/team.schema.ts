import { z } from 'zod';

/**
 * A team's name and description, as the teams table checks them: a name of 1 to 60 characters,
 * unique in the organization (`takenNames`: the other teams' names), and at most 300 for the description.
 */
export function teamSchema(takenNames: readonly string[]) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, 'Name the team.')
      .max(60, 'Use at most 60 characters.')
      .refine((name) => !takenNames.includes(name), 'Another team already has this name.'),
    description: z.string().trim().max(300, 'Use at most 300 characters.'),
  });
}
export type TeamValues = z.infer<ReturnType<typeof teamSchema>>;
