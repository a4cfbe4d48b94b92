import { defineConfig } from 'vitest/config';

/** End-to-end: real Chromium against the real bridge process, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts', 'test/support/build-renderer.ts'],
    testTimeout: 180000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
