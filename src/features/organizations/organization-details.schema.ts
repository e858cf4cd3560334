import { z } from 'zod';
import { HEX_COLOR } from '../../lib/color.ts';
import { organizationNameField, slugField } from './create-organization.schema.ts';

export const organizationDetailsSchema = z.object({
  name: organizationNameField,
  slug: slugField,
  brand_color: z.string().toLowerCase().regex(HEX_COLOR, 'Pick a colour.'),
  time_zone: z.string().min(1, 'Choose a time zone.'),
});
export type OrganizationDetailsValues = z.infer<typeof organizationDetailsSchema>;
