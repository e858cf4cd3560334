import { z } from 'zod';

/** A saved reply as saved_replies checks it: a title of 1 to 100 characters and a text of 1 to 10,000. */
export const savedReplySchema = z.object({
  title: z.string().trim().min(1, 'Give the reply a title.').max(100, 'Use at most 100 characters.'),
  body: z.string().trim().min(1, 'Write the reply.').max(10_000, 'Use at most 10,000 characters.'),
  /** Personal (owner_id = you) or shared with the organization (owner_id null, replies.manage). */
  scope: z.enum(['personal', 'shared']),
});
export type SavedReplyValues = z.infer<typeof savedReplySchema>;
