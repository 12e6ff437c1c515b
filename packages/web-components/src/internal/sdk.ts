/**
 * The SDK types the elements use, derived from the client itself so they follow the SDK exactly.
 * Elements import SDK types from here only.
 */
import type { createLicenseServerClient } from '@licensedesk/sdk';

/** The client `createLicenseServerClient` returns. */
export type LicenseServerClient = ReturnType<typeof createLicenseServerClient>;
/** The signed-in session the client holds. */
export type Session = NonNullable<LicenseServerClient['session']>;
/** One policy setting of the license server. */
export type Setting = Awaited<ReturnType<LicenseServerClient['settings']['list']>>[number];
/** The server's host ids and the selected one. */
export type HostIdList = Awaited<ReturnType<LicenseServerClient['hostids']['get']>>;
/** The license server's health answer. */
export type Health = Awaited<ReturnType<LicenseServerClient['health']['get']>>;
