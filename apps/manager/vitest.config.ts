import { defineConfig } from 'vitest/config';

/**
 * Two projects: the manager server's tests (Node, test/server) and the end-to-end tests
 * (test/e2e: the real manager server and emulator driven through Debian's Chromium).
 */
export default defineConfig({
  test: {
    // A 2-core machine and one shared browser: test files run one after another.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
