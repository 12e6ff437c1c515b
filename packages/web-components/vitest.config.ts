import { createServer } from 'node:net';
import { defineConfig } from 'vitest/config';
import { removeNetworkInterface, resetNetworkInterfaces } from './test/setup/commands.js';
import { advanceAdminEmulatorClock, backofficeRespond, startAdminEmulator, stopAdminEmulator } from './test/setup/admin-emulator.js';

/** A free local port (several runs may share the machine, so no fixed port). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Port of vitest's browser server. The emulator allows exactly this origin (CORS), so it is chosen
 * before the run and read back by the global setup from the resolved config.
 */
// Kept in the environment: vitest may load this file more than once per run, and every load must agree.
process.env.LD_VITEST_BROWSER_PORT ||= String(await freePort());
const BROWSER_PORT = Number(process.env.LD_VITEST_BROWSER_PORT);

export default defineConfig({
  test: {
    // `pnpm bench` (VITE_LD_BENCH=1) runs only the benchmarks; the test run leaves them out.
    include: process.env.VITE_LD_BENCH === '1' ? ['test/bench/**/*.test.ts'] : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: process.env.VITE_LD_BENCH === '1' ? [] : ['test/bench/**', '**/node_modules/**'],
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
