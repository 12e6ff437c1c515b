import type { HostIdSourceOptions } from './hostids.js';
import type { SettingValue } from './settings/catalogue.js';

/** Options of `startEmulator` / `createEmulatorApp`. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 7070. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Data folder (created when missing). Ignored with `memory`. */
  dataDir?: string;
  /** Keep everything in memory (tests). The default when no `dataDir` is given. */
  memory?: boolean;
  /** What a new data folder starts with. Default `none`. Never applied to an existing folder. */
  seed?: 'demo' | 'none';
  /**
   * The administrator's initial password (also `LICENSEDESK_ADMIN_PASSWORD`). Given, it counts as
   * chosen; otherwise the default password must be changed at first login. New folders only.
   */
  adminPassword?: string;
  /** The producer account's initial password (also `LICENSEDESK_PRODUCER_PASSWORD`). New folders only. */
  producerPassword?: string;
  /** Administrative security on (`security.enabled`): every call except health, authorize and licensing needs a token. */
  secure?: boolean;
  /** Producer-level setting values (like a producer-settings file); values an administrator stored win. */
  settings?: Record<string, SettingValue>;
  /** Browser origins allowed to call the server (CORS allow-list). */
  cors?: string[];
  /** Serve HTTPS with this certificate and key (PEM text or bytes). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Check every response against the spec; a mismatch becomes a 500 `glsErr.responseInvalid`. */
  validateResponses?: boolean;
  /** Time source in epoch ms (tests move time with it). */
  clock?: () => number;
  /** `true` for fastify's default logger, an options object, or a pino-compatible logger. Default off. */
  logger?: boolean | Record<string, unknown>;
  /** The spec file; found automatically. */
  specFile?: string;
  /** Where host ids come from (tests inject network interfaces). */
  hostIds?: HostIdSourceOptions;
  /** Run the expiry timer (`licensing.clientExpiryTimer`). Default true. */
  expiryTimer?: boolean;
}

/** The demo seed's accounts, printed at start and written in the README. */
export const DEMO_CREDENTIALS = {
  viewer: { password: 'Viewer!2345', roles: ['ROLE_READ'] },
  reservations: { password: 'Reserve!2345', roles: ['ROLE_READ', 'ROLE_RESERVATIONS'] },
} as const;

/** The administrator's password when none was given; it must be changed at first login. */
export const DEFAULT_ADMIN_PASSWORD = 'Admin!2345';
/** The producer account's password when none was given. */
export const DEFAULT_PRODUCER_PASSWORD = 'Producer!2345';
