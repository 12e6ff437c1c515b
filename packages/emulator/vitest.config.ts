import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sdk = (path: string) => fileURLToPath(new URL(`../sdk/src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the SDK's sources so they never depend on (or race with) its build.
    alias: [
      { find: /^@licensedesk\/sdk\/model$/, replacement: sdk('model/index.ts') },
      { find: /^@licensedesk\/sdk$/, replacement: sdk('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One database-heavy file at a time keeps timings honest on a 2-core machine.
    fileParallelism: false,
  },
});
