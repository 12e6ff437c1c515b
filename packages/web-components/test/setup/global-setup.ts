/**
 * Vitest global setup (runs in Node once per run): starts ONE emulator with the demo seed, a known
 * administrator password and CORS for the vitest browser origin, adds a read-only user, and
 * `provide`s the URL and credentials to the browser tests (`inject('licenseServer')`).
 */
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startEmulator } from '@licensedesk/emulator';
import { createLicenseServerClient } from '@licensedesk/sdk';
import type { LicenseServerInfo } from './license-server-info.js';

export const ADMIN = { user: 'admin', password: 'Test-Admin-Pass1!' } as const;
export const READER = { user: 'reader', password: 'Test-Reader-Pass1!' } as const;

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
  const emulator = await startEmulator({
    port: 0,
    memory: true,
    seed: 'demo',
    adminPassword: ADMIN.password,
    cors: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
    validateResponses: true,
  });
  const url = emulator.url.replace(/\/$/, '');

  const client = createLicenseServerClient({ server: url });
  await client.login(ADMIN.user, ADMIN.password);
  await client.users.create({ name: READER.user, password: READER.password, roles: ['ROLE_READ'] });
  await client.logout();

  const info: LicenseServerInfo = {
    url,
    admin: { ...ADMIN },
    reader: { ...READER },
    unreachableUrl: `http://127.0.0.1:${await freePort()}`,
  };
  project.provide('licenseServer', info);

  return async () => {
    await emulator.close();
  };
}
