/**
 * Vitest global setup (runs in Node once per run): starts ONE emulator with the demo seed,
 * administrative security on, a known administrator password, fixed network interfaces for host
 * ids and CORS for the vitest browser origin; adds a read-only user; and `provide`s the URL and
 * credentials to the browser tests (`inject('licenseServer')`). A second, small emulator keeps the
 * default administrator password for the forced password change test.
 */
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { DEFAULT_ADMIN_PASSWORD, startEmulator } from '@licensedesk/emulator';
import { createLicenseServerClient } from '@licensedesk/sdk';
import type { LicenseServerInfo } from './license-server-info.js';
import { emulatorControl } from './emulator-control.js';

export const ADMIN = { user: 'admin', password: 'Test-Admin-Pass1!' } as const;
export const READER = { user: 'reader', password: 'Test-Reader-Pass1!' } as const;

/** The host's network interfaces as the tests see them (field case C17). */
export const TEST_INTERFACES = [
  { name: 'docker0', mac: '02:42:ac:11:00:02' },
  { name: 'eth0', mac: 'f0:18:98:ad:8d:d3' },
  { name: 'wlan0', mac: '5e:00:a4:f1:72:01' },
] as const;

/** A local port with nothing listening (bound, then released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = project.config.browser.api?.port ?? 63315;
  const cors = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  emulatorControl.interfaces = TEST_INTERFACES.map((nic) => ({ ...nic }));

  const [main, fresh] = await Promise.all([
    startEmulator({
      port: 0,
      memory: true,
      seed: 'demo',
      secure: true,
      adminPassword: ADMIN.password,
      cors,
      // Every answer the elements see is checked against the OpenAPI description.
      validateResponses: true,
      expiryTimer: false,
      hostIds: { interfaces: () => emulatorControl.interfaces, vmUuid: () => null },
    }),
    startEmulator({ port: 0, memory: true, seed: 'none', secure: true, cors, expiryTimer: false }),
  ]);

  const url = main.url.replace(/\/$/, '');
  const client = createLicenseServerClient({ server: url });
  await client.login(ADMIN.user, ADMIN.password);
  await client.users.create({ name: READER.user, password: READER.password, roles: ['ROLE_READ'] });
  await client.logout();

  const info: LicenseServerInfo = {
    url,
    admin: { ...ADMIN },
    reader: { ...READER },
    unreachableUrl: `http://127.0.0.1:${await freePort()}`,
    forcedChange: { url: fresh.url.replace(/\/$/, ''), user: 'admin', password: DEFAULT_ADMIN_PASSWORD },
    hostIds: TEST_INTERFACES.map((nic) => ({ ...nic })),
  };
  project.provide('licenseServer', info);

  return async () => {
    await Promise.all([main.close(), fresh.close()]);
  };
}
