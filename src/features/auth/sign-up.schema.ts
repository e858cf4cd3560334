import { z } from 'zod';
import { newPasswordField } from '../../lib/password-rules.ts';
import { emailField } from './email-field.ts';

export const signUpSchema = z.object({
  displayName: z.string().trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters.'),
  email: emailField,
  password: newPasswordField,
});
export type SignUpValues = z.infer<typeof signUpSchema>;
