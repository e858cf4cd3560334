import { z } from 'zod';

export const holidaySchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a date.'),
  name: z.string().trim().min(1, 'Name the holiday.').max(100, 'Use at most 100 characters.'),
});
export type HolidayValues = z.infer<typeof holidaySchema>;
