import { defineConfig } from 'vitest/config';
import { removeNetworkInterface, resetNetworkInterfaces } from './test/setup/commands.js';
import { advanceAdminEmulatorClock, backofficeRespond, startAdminEmulator, stopAdminEmulator } from './test/setup/admin-emulator.js';

/** Port of vitest's browser server; the emulator allows this origin (CORS), so it must be fixed. */
const BROWSER_PORT = Number(process.env.LD_VITEST_BROWSER_PORT ?? 63315);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One emulator for the whole run, started in Node; browser tests read its URL via `inject`.
    globalSetup: ['./test/setup/global-setup.ts'],
    setupFiles: ['./test/setup/browser-setup.ts'],
    // Test files share the one emulator and some change its state: run them one after another.
    fileParallelism: false,
    testTimeout: 15_000,
    browser: {
      enabled: true,
      provider: 'playwright',
      headless: true,
      screenshotFailures: false,
      api: { port: BROWSER_PORT, strictPort: true, host: '127.0.0.1' },
      commands: {
        removeNetworkInterface,
        resetNetworkInterfaces,
        // The administrative view tests each start an emulator of their own (test/setup/admin-emulator.ts).
        startAdminEmulator,
        stopAdminEmulator,
        advanceAdminEmulatorClock,
        backofficeRespond,
      },
      instances: [
        {
          browser: 'chromium',
          launch: {
            executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
          },
        },
      ],
    },
  },
});
