import { z } from 'zod';

/** The document get_ticket_metrics returns (see the dashboard-metrics migration), checked on arrival. */
const priority = z.enum(['urgent', 'high', 'medium', 'low']);
const minutes = z.number().nullable();

export const metricsSchema = z.object({
  time_zone: z.string(),
  from_day: z.string(),
  to_day: z.string(),
  totals: z.object({
    created: z.number(),
    resolved: z.number(),
    open: z.number(),
    unassigned_open: z.number(),
    median_first_response_minutes: minutes,
    median_resolution_minutes: minutes,
  }),
  open_by_status: z.array(z.object({ status_id: z.string(), name: z.string(), category: z.string(), count: z.number() })),
  open_by_priority: z.array(z.object({ priority, count: z.number() })),
  daily: z.array(z.object({ day: z.string(), created: z.number(), resolved: z.number() })),
  response_times: z.array(z.object({
    priority,
    responded: z.number(),
    median_first_response_minutes: minutes,
    resolved: z.number(),
    median_resolution_minutes: minutes,
  })),
  sla: z.array(z.object({ target: z.enum(['first_response', 'resolution']), met: z.number(), breached: z.number() })),
  backlog_age: z.array(z.object({ bucket: z.enum(['under_1_day', '1_to_3_days', '3_to_7_days', 'over_7_days']), count: z.number() })),
  top_categories: z.array(z.object({ category: z.string().nullable(), count: z.number() })),
  agents: z.array(z.object({ user_id: z.string(), name: z.string(), open_assigned: z.number(), resolved: z.number() })),
});
export type Metrics = z.infer<typeof metricsSchema>;
export type Priority = z.infer<typeof priority>;

/** A range of the organization's local days ("YYYY-MM-DD", both inclusive). */
export const dateRangeSchema = z
  .object({ from: z.iso.date('Enter a start date.'), to: z.iso.date('Enter an end date.') })
  .refine((range) => range.from <= range.to, { message: 'The start must not be after the end.', path: ['to'] });
export type DateRange = z.infer<typeof dateRangeSchema>;
