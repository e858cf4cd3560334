import { HttpError } from '../_shared/http.ts';

/** A field of the widget's pre-chat form (validated by the database when the widget is saved). */
export interface PrechatField {
  key: string;
  label: string;
  type: 'text' | 'email' | 'phone' | 'textarea' | 'select';
  required?: boolean;
  options?: string[];
}

export interface PrechatDetails {
  name?: string;
  email?: string;
  attributes: Record<string, string>;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Checks the answers against the widget's form (only its fields; required ones filled; emails and
 * choices valid) and splits them into the contact's name, email and attributes.
 */
export function readPrechat(fields: PrechatField[], answers: Record<string, string> | undefined): PrechatDetails {
  if (!answers) return { attributes: {} };
  const unknown = Object.keys(answers).filter((key) => !fields.some((field) => field.key === key));
  if (unknown.length) throw new HttpError(400, 'invalid_prechat', `This chat's form has no field ${unknown.join(', ')}.`);
  const details: PrechatDetails = { attributes: {} };
  for (const field of fields) {
    const value = answers[field.key]?.trim() ?? '';
    if (!value) {
      if (field.required) throw new HttpError(400, 'invalid_prechat', `Please fill in "${field.label}".`);
      continue;
    }
    if (field.type === 'email' && !EMAIL.test(value)) {
      throw new HttpError(400, 'invalid_prechat', `"${field.label}" must be an email address.`);
    }
    if (field.type === 'select' && !field.options?.includes(value)) {
      throw new HttpError(400, 'invalid_prechat', `Choose one of the options for "${field.label}".`);
    }
    if (field.key === 'name') details.name = value;
    else if (field.type === 'email' && !details.email) details.email = value.toLowerCase();
    else details.attributes[field.key] = value;
  }
  return details;
}
