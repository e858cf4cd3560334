import { z } from 'zod';

export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

export const newTicketSchema = z.object({
  subject: z.string().trim().min(1, 'Enter a subject.').max(200, 'The subject is limited to 200 characters.'),
  description: z.string().trim().min(1, 'Describe the problem.').max(20000, 'The description is limited to 20,000 characters.'),
  priority: z.enum(PRIORITIES, 'Choose a priority.'),
});
export type NewTicketValues = z.infer<typeof newTicketSchema>;

export const replySchema = z.object({
  body: z.string().trim().min(1, 'Write a reply.').max(20000, 'A reply is limited to 20,000 characters.'),
});
export type ReplyValues = z.infer<typeof replySchema>;

export const reopenSchema = z.object({
  reason: z.string().trim().min(1, 'Say why the problem is not solved.').max(1000, 'The reason is limited to 1,000 characters.'),
});
export type ReopenValues = z.infer<typeof reopenSchema>;
