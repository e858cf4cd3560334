/** The chat frame's configuration (the same variables as the SPA; no zod here, to keep the frame small). */
function url(value: string | undefined, fallback: string): string {
  try {
    return new URL(value || fallback).origin;
  } catch {
    throw new Error(`VITE_SUPABASE_URL is not a URL: ${value}`);
  }
}

export const SUPABASE_URL = url(import.meta.env.VITE_SUPABASE_URL, 'http://127.0.0.1:54321');
export const SUPABASE_KEY: string = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY || 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
