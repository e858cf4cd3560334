import { z } from 'zod';
import { emailField } from './email-field.ts';

export const signInSchema = z.object({ email: emailField, password: z.string().min(1, 'Enter your password.') });
export type SignInValues = z.infer<typeof signInSchema>;
