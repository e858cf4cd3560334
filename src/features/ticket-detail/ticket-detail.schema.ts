import { z } from 'zod';

/** A reply or note as the composer sends it; "send later" needs a time in the future. */
export const commentSchema = z
  .object({
    body: z.string().trim().min(1, 'Write something first.').max(20000, 'Keep it under 20,000 characters.'),
    isInternal: z.boolean(),
    scheduledAt: z.string().nullable(),
  })
  .refine((value) => value.scheduledAt === null || new Date(value.scheduledAt).getTime() > Date.now() + 30_000, {
    message: 'Choose a time in the future to send it.',
    path: ['scheduledAt'],
  })
  .refine((value) => !(value.isInternal && value.scheduledAt), { message: 'Internal notes are added at once.', path: ['scheduledAt'] });

export const splitSchema = z.object({
  subject: z.string().trim().min(1, 'Give the new ticket a subject.').max(200, 'Keep the subject under 200 characters.'),
  commentIds: z.array(z.string().uuid()).min(1, 'Choose at least one comment to move.'),
});

/** The first message of a failed parse, per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}
