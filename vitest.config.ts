import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests (web/*/e2e) run against the built apps; this rebuilds them when stale.
    globalSetup: ['test/web-build-setup.ts'],
  },
});
