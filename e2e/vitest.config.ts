import { defineConfig } from 'vitest/config';

/** Browser journeys: Playwright (playwright-core) driving Debian's Chromium against the built SPA. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['supabase/tests/helpers/global-setup.ts', 'e2e/helpers/app-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
