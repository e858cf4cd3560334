import { z } from 'zod';

/** Mirrors `[auth] minimum_password_length = 8` and `password_requirements = "letters_digits"`. */
export const PASSWORD_HINT = 'At least 8 characters, with letters and digits.';

export const newPasswordField = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(72, 'Use at most 72 characters.')
  .regex(/[a-z]/i, 'Include at least one letter.')
  .regex(/\d/, 'Include at least one digit.');

/** A new password typed twice. */
export const newPasswordSchema = z
  .object({ password: newPasswordField, confirm: z.string() })
  .refine((values) => values.password === values.confirm, { message: 'The passwords do not match.', path: ['confirm'] });

export type NewPasswordValues = z.infer<typeof newPasswordSchema>;
