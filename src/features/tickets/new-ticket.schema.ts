import { z } from 'zod';
import { PRIORITIES } from './tickets.utils.ts';

export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: string;
  options: string[];
  required: boolean;
}

const tagList = z
  .string()
  .max(1100)
  .transform((text) => [...new Set(text.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean))])
  .refine((tags) => tags.length <= 20, 'Up to 20 tags.')
  .refine((tags) => tags.every((tag) => tag.length <= 50), 'Each tag is at most 50 characters.');

/** One custom field's value as the form holds it (text inputs give strings; checkboxes booleans). */
function customFieldSchema(field: CustomFieldDefinition) {
  if (field.type === 'checkbox') return z.boolean().optional();
  const text = z.string().trim();
  const required = field.required ? text.min(1, `${field.label} is required.`) : text;
  if (field.type === 'number') return required.refine((value) => value === '' || Number.isFinite(Number(value)), `${field.label} must be a number.`);
  if (field.type === 'select') return required.refine((value) => value === '' || field.options.includes(value), `Choose one of the options for ${field.label}.`);
  return required.max(1000, `${field.label} is at most 1000 characters.`);
}

/** The new-ticket form for an organization's custom fields (the database checks them again). */
export function newTicketSchema(fields: CustomFieldDefinition[]) {
  return z.object({
    subject: z.string().trim().min(1, 'Give the ticket a subject.').max(200, 'Keep the subject under 200 characters.'),
    description: z.string().max(20000, 'The description is limited to 20,000 characters.'),
    requesterId: z.string(),
    priority: z.enum(PRIORITIES),
    category: z.string().trim().max(60, 'Keep the category under 60 characters.'),
    tags: tagList,
    customFields: z.object(Object.fromEntries(fields.map((field) => [field.key, customFieldSchema(field)]))),
  });
}

export type NewTicketFormInput = z.input<ReturnType<typeof newTicketSchema>>;
export type NewTicketValues = z.output<ReturnType<typeof newTicketSchema>>;

/** Custom-field values as tickets.custom_fields stores them: typed, blanks left out. */
export function customFieldValues(fields: CustomFieldDefinition[], values: Record<string, unknown>): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.type === 'checkbox') result[field.key] = value === true;
    else if (value !== undefined && value !== '') result[field.key] = field.type === 'number' ? Number(value) : String(value);
  }
  return result;
}
