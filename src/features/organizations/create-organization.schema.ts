import { z } from 'zod';
import { slugProblem } from './slug.utils.ts';

export const organizationNameField = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');

export const slugField = z
  .string()
  .trim()
  .superRefine((slug, context) => {
    const problem = slugProblem(slug);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const createOrganizationSchema = z.object({ name: organizationNameField, slug: slugField });
export type CreateOrganizationValues = z.infer<typeof createOrganizationSchema>;
