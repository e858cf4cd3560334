import { z } from 'zod';

const FilterValue = z.union([z.string().max(200), z.array(z.string().max(200)).min(1).max(50), z.null()]);

/** What to export: a ticket search as search_tickets takes it (the database checks the filter keys and values). */
export const ExportRequest = z.object({
  org_id: z.uuid(),
  query: z.string().max(500).nullish(),
  filters: z
    .record(z.string().min(1).max(40), FilterValue)
    .refine((filters) => Object.keys(filters).length <= 20, 'at most 20 filters')
    .default({}),
  sort: z.enum(['relevance', 'updated_desc', 'updated_asc', 'created_desc', 'created_asc', 'priority']).nullish(),
});
export type ExportRequest = z.infer<typeof ExportRequest>;
