import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests (web/form/e2e) run against the built form; this rebuilds it when stale.
    globalSetup: ['web/form/e2e/global-setup.ts'],
  },
});
