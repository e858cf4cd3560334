import { z } from 'zod';
import { emailField } from './email-field.ts';

/** The magic-link and forgot-password forms: just an address. */
export const emailLinkSchema = z.object({ email: emailField });
export type EmailLinkValues = z.infer<typeof emailLinkSchema>;
