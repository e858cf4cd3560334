import { defineConfig } from 'vitest/config';

/** Specs that talk to the running stack with the official supabase-js client. */
export default defineConfig({
  test: {
    include: ['supabase/tests/**/*.test.ts'],
    globalSetup: ['supabase/tests/helpers/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
