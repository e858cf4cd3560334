import { z } from 'zod';

export const saveViewSchema = z.object({
  name: z.string().trim().min(1, 'Give the view a name.').max(60, 'Keep the name under 60 characters.'),
  shared: z.boolean(),
});
export type SaveViewValues = z.infer<typeof saveViewSchema>;
