import { z } from 'zod';

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter an email address.').email('Enter a valid email address.'),
  role_id: z.string().uuid('Choose a role.'),
});
export type InviteValues = z.infer<typeof inviteSchema>;
