import { z } from 'zod';

export const profileSchema = z.object({
  display_name: z.string().trim().min(1, 'Enter the name your teammates will see.').max(80, 'Use at most 80 characters.'),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Choose a language.'),
});
export type ProfileValues = z.infer<typeof profileSchema>;
