import { z } from 'zod';

export const emailField = z.string().trim().min(1, 'Enter your email address.').email('Enter a valid email address.');
