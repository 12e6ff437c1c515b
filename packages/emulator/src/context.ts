import type { Database } from 'better-sqlite3';
import type { HostIdService } from './hostids.js';
import type { LoginThrottle } from './http/auth.js';
import type { LicensingEngine } from './licensing/engine.js';
import type { PoolProvider } from './licensing/pools.js';
import type { SettingsService } from './settings/service.js';
import type { UserService } from './store/users.js';

/** The logger the emulator writes to (pino-compatible subset). */
export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

/** Milliseconds since the epoch; tests inject their own to move time. */
export interface Clock {
  now(): number;
}

/** Where things live on disk; every path is null for an in-memory server. */
export interface EmulatorPaths {
  dataDir: string | null;
  dbFile: string | null;
  specFile: string;
}

/**
 * Everything a route handler or store needs, created once per server. Route handlers receive it
 * as their first argument: `handler(ctx, request, reply)`.
 */
export interface EmulatorContext {
  db: Database;
  /** This server's 12-character instance id (the one `~` stands for). */
  instanceId: string;
  clock: Clock;
  log: Logger;
  paths: EmulatorPaths;
  settings: SettingsService;
  users: UserService;
  hostids: HostIdService;
  licensing: LicensingEngine;
  /** Named license pools (models). The default provider knows only the default pool. */
  pools: PoolProvider;
  /** Token signing secret (kept with the data folder) and the login throttle. */
  security: { secret: Uint8Array; throttle: LoginThrottle };
  /** True when the data folder was created by this start (seeds apply only then). */
  isNewDataFolder: boolean;
  /**
   * Runs `fn` in one SQLite transaction. When it throws, nothing is written and the in-memory
   * licensing state is rebuilt from the database on next use.
   */
  tx<T>(fn: () => T): T;
  /** Reads a `meta` value (instance id, secrets, defaults chosen at creation). */
  meta(key: string): string | undefined;
  /** Callbacks run when the server closes (timers, watchers). */
  onClose(fn: () => void | Promise<void>): void;
}
