import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` is pure code and SQLite, and needs nothing built or generated (it runs
 * before whisper.cpp is compiled: `npx vitest run --project unit`); `integration` drives the
 * real parts (whisper.cpp, the generated model, espeak-ng speech, processes, HTTP).
 */
export default defineConfig({
  test: {
    testTimeout: 60000,
    hookTimeout: 60000,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60000,
          hookTimeout: 60000,
        },
      },
    ],
  },
});
