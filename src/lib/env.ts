import { z } from 'zod';

const EnvSchema = z.object({
  VITE_SUPABASE_URL: z.string().url().default('http://127.0.0.1:54321'),
  VITE_SUPABASE_PUBLISHABLE_KEY: z.string().min(1).default('sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH'),
});

/** The SPA's configuration, validated once at start-up. */
export const env = EnvSchema.parse(import.meta.env);
