import { defineConfig } from 'vitest/config';

/**
 * e2e: real browsers with the built extension, one file at a time in each process (`npm test` runs
 * one process per browser, side by side: see scripts/test.ts).
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    retry: 0,
  },
});
