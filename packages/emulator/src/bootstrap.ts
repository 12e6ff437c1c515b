import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Clock, EmulatorContext, Logger } from './context.js';
import { openDatabase } from './db/open.js';
import { HostIdService } from './hostids.js';
import { LoginThrottle } from './http/auth.js';
import { resolveSpecFile } from './http/spec.js';
import { LicensingEngine } from './licensing/engine.js';
import { DEFAULT_POOL_PROVIDER, type PoolProvider } from './licensing/pools.js';
import {
  DEFAULT_ADMIN_PASSWORD,
  DEFAULT_PRODUCER_PASSWORD,
  DEMO_CREDENTIALS,
  type EmulatorOptions,
} from './options.js';
import { createPoolProvider } from './pools/index.js';
import { seedDemo } from './seed/demo.js';
import { SettingsService } from './settings/service.js';
import { getMeta, setMeta } from './store/meta.js';
import { ADMIN_ROLES, PRODUCER_ROLES, UserService, hashPassword, type Role } from './store/users.js';

const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomId(length: number): string {
  const bytes = randomBytes(length);
  return [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

const SILENT: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** What `createContext` found out about the start, for the CLI banner. */
export interface StartInfo {
  isNew: boolean;
  seeded: 'demo' | 'none' | null;
  adminPasswordChosen: boolean;
}

/**
 * Opens (or creates) the data folder and builds the server context. A new folder gets its
 * instance id, STRING host id, token secret, accounts and, when asked, the demo seed — all in
 * one transaction.
 */
export async function createContext(
  options: EmulatorOptions,
  log: Logger = SILENT,
): Promise<{ ctx: EmulatorContext; info: StartInfo }> {
  const memory = options.memory || !options.dataDir;
  const { db, isNew, file } = openDatabase({ dataDir: memory ? undefined : options.dataDir, memory });
  const clock: Clock = { now: options.clock ?? Date.now };
  const closers: (() => void | Promise<void>)[] = [];

  const adminPassword = options.adminPassword ?? process.env.LICENSEDESK_ADMIN_PASSWORD;
  const producerPassword = options.producerPassword ?? process.env.LICENSEDESK_PRODUCER_PASSWORD;
  let info: StartInfo = { isNew, seeded: null, adminPasswordChosen: adminPassword !== undefined };

  if (isNew || getMeta(db, 'instance.id') === undefined) {
    const hashes = {
      admin: await hashPassword(adminPassword ?? DEFAULT_ADMIN_PASSWORD),
      producer: await hashPassword(producerPassword ?? DEFAULT_PRODUCER_PASSWORD),
      viewer: options.seed === 'demo' ? await hashPassword(DEMO_CREDENTIALS.viewer.password) : '',
      reservations: options.seed === 'demo' ? await hashPassword(DEMO_CREDENTIALS.reservations.password) : '',
    };
    db.transaction(() => {
      setMeta(db, 'instance.id', randomId(12));
      setMeta(db, 'hostid.string', `LD-${randomId(10)}`);
      setMeta(db, 'security.secret', randomBytes(64).toString('base64'));
      setMeta(db, 'created.at', new Date(clock.now()).toISOString());
      const now = clock.now();
      const insert = db.prepare(
        'INSERT INTO users (name, hash, roles, password_change_required, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      insert.run('admin', hashes.admin, ADMIN_ROLES.join(','), adminPassword === undefined ? 1 : 0, now, now);
      insert.run('producer', hashes.producer, PRODUCER_ROLES.join(','), 0, now, now);
      if (options.seed === 'demo') {
        insert.run('viewer', hashes.viewer, (DEMO_CREDENTIALS.viewer.roles as readonly Role[]).join(','), 0, now, now);
        insert.run('reservations', hashes.reservations, (DEMO_CREDENTIALS.reservations.roles as readonly Role[]).join(','), 0, now, now);
      }
    })();
    info = { ...info, isNew: true };
  }

  const instanceId = getMeta(db, 'instance.id')!;
  const hostids = new HostIdService(getMeta(db, 'hostid.string')!, options.hostIds);
  if (getMeta(db, 'hostid.default') === undefined) {
    // Chosen once per data folder so that the selection never moves by itself (C17).
    setMeta(db, 'hostid.default', hostids.initialSelection());
  }
  const hostIdDefault = getMeta(db, 'hostid.default')!;
  const overrides = { ...(options.settings ?? {}) };
  if (options.secure !== undefined) overrides['security.enabled'] = options.secure;
  const settings = new SettingsService({
    db,
    now: clock.now,
    overrides,
    dynamicDefault: (name) => (name === 'server.hostid.selected' ? hostIdDefault : undefined),
    hostIdChoices: () => hostids.specs(),
  });
  const users = new UserService(db, clock.now);
  let pools: PoolProvider = DEFAULT_POOL_PROVIDER;
  const licensing = new LicensingEngine(db, clock, settings, log, () => pools);

  const ctx: EmulatorContext = {
    db,
    instanceId,
    clock,
    log,
    paths: { dataDir: memory ? null : options.dataDir!, dbFile: file, specFile: resolveSpecFile(options.specFile) },
    settings,
    users,
    hostids,
    licensing,
    get pools() {
      return pools;
    },
    set pools(value: PoolProvider) {
      pools = value;
      licensing.invalidate();
    },
    security: { secret: new Uint8Array(Buffer.from(getMeta(db, 'security.secret')!, 'base64')), throttle: undefined as never },
    isNewDataFolder: info.isNew,
    tx<T>(fn: () => T): T {
      try {
        return db.transaction(fn)();
      } catch (error) {
        licensing.invalidate();
        settings.reload();
        users.reload();
        throw error;
      }
    },
    meta: (key) => getMeta(db, key),
    onClose: (fn) => closers.push(fn),
  };
  ctx.security.throttle = new LoginThrottle(ctx);
  pools = createPoolProvider(ctx);

  if (info.isNew && options.seed === 'demo') {
    seedDemo(ctx);
    info = { ...info, seeded: 'demo' };
  } else if (info.isNew) {
    info = { ...info, seeded: 'none' };
  }

  if (options.expiryTimer !== false) {
    licensing.startTimer();
    const off = settings.onChange((names) => {
      if (names.includes('licensing.clientExpiryTimer')) licensing.startTimer();
    });
    closers.push(off);
  }
  closers.push(() => licensing.stopTimer());
  closers.push(() => closeDb(db));
  (ctx as { close?: () => Promise<void> }).close = async () => {
    for (const fn of closers.reverse()) await fn();
  };
  return { ctx, info };
}

function closeDb(db: Database): void {
  if (db.open) db.close();
}

/** Runs every close callback (timers, database). */
export async function closeContext(ctx: EmulatorContext): Promise<void> {
  await (ctx as { close?: () => Promise<void> }).close?.();
}
