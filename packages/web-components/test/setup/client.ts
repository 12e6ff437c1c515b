/** Browser-side helpers: the emulator's address and logged-in SDK clients. */
import { inject } from 'vitest';
import { createLicenseServerClient } from '@licensedesk/sdk';
import type { LicenseServerClient } from '../../src/internal/sdk.js';
import type { LicenseServerInfo } from './license-server-info.js';

/** The emulator the global setup started: URL and credentials. */
export function licenseServer(): LicenseServerInfo {
  return inject('licenseServer');
}

export interface TestClientOptions {
  /** Which account to log in as; `null` gives a client that is not logged in. Default admin. */
  as?: 'admin' | 'reader' | null;
  /** Point at a different server (e.g. `licenseServer().unreachableUrl`). */
  server?: string;
}

/** An SDK client for the emulator, logged in as the administrator unless told otherwise. */
export async function createTestClient(options: TestClientOptions = {}): Promise<LicenseServerClient> {
  const info = licenseServer();
  const client = createLicenseServerClient({ server: options.server ?? info.url });
  const as = options.as === undefined ? 'admin' : options.as;
  if (as) {
    const credentials = info[as];
    await client.login(credentials.user, credentials.password);
  }
  return client;
}
