/**
 * Browser commands for the administrative view tests (reservations, model, offline, client key):
 * each test file gets its own emulator, in a temporary data folder, so reservations and models
 * (mutually exclusive on a server) and license counts never clash with other test files. Runs in
 * the vitest Node process.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserCommand } from 'vitest/node';
import { startEmulator } from '@licensedesk/emulator';
import { createLicenseServerClient } from '@licensedesk/sdk';
import { ADMIN, READER } from './global-setup.js';

const run = promisify(execFile);

interface AdminEmulator {
  close(): Promise<void>;
  dataDir: string;
  /** Milliseconds added to the real time: tests move the emulator's clock forward. */
  offset: { ms: number };
}

const KEY = Symbol.for('licensedesk.test.admin-emulators');
const store = globalThis as unknown as Record<symbol, Map<string, AdminEmulator> | undefined>;
const running: Map<string, AdminEmulator> = (store[KEY] ??= new Map());

/** What a test's own emulator is started with. */
export interface AdminEmulatorOptions {
  /** `demo` (features, reservation groups, served devices) or `none` (empty). Default `none`. */
  seed?: 'demo' | 'none';
}

/** The test's own emulator: its URL and the accounts on it (admin, reader). */
export interface AdminEmulatorInfo {
  url: string;
}

/**
 * Origins the test page may call the emulator from: the configured browser port, and the origin the
 * page was actually served from (vitest may serve it on another port).
 */
function browserOrigins(context: { project: { config: { browser: { api?: { port?: number } } } }; page?: { url(): string } }): string[] {
  const ports = new Set<number>([context.project.config.browser.api?.port ?? 63315]);
  try {
    const page = context.page ? new URL(context.page.url()) : null;
    if (page?.port) ports.add(Number(page.port));
  } catch {
    // No page URL (another provider): the configured port only.
  }
  return [...ports].flatMap((port) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** Starts an emulator of the test's own (security on, the test admin password, a read-only user). */
export const startAdminEmulator: BrowserCommand<[options?: AdminEmulatorOptions]> = async (context, options = {}) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ld-wc-admin-'));
  const offset = { ms: 0 };
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    seed: options.seed ?? 'none',
    secure: true,
    adminPassword: ADMIN.password,
    cors: browserOrigins(context as unknown as Parameters<typeof browserOrigins>[0]),
    validateResponses: true,
    expiryTimer: false,
    clock: () => Date.now() + offset.ms,
  });
  const url = emulator.url.replace(/\/$/, '');
  const client = createLicenseServerClient({ server: url });
  await client.login(ADMIN.user, ADMIN.password);
  await client.users.create({ name: READER.user, password: READER.password, roles: ['ROLE_READ'] });
  await client.logout();
  running.set(url, {
    dataDir,
    offset,
    close: async () => {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
  return { url } satisfies AdminEmulatorInfo;
};

/** Stops a test's own emulator and removes its data folder. */
export const stopAdminEmulator: BrowserCommand<[url: string]> = async (_context, url) => {
  const emulator = running.get(url);
  running.delete(url);
  await emulator?.close();
};

/** Moves a test's own emulator's clock forward (e.g. past the lock after a model upload). */
export const advanceAdminEmulatorClock: BrowserCommand<[url: string, ms: number]> = (_context, url, ms) => {
  const emulator = running.get(url);
  if (!emulator) throw new Error(`no test emulator at ${url}`);
  emulator.offset.ms += ms;
};

/**
 * Plays the back office: answers a request file the emulator produced (base64) with a response
 * signed by that emulator's producer key, granting what `entitlements` lists
 * (`licensedesk-emulator backoffice respond`). Resolves with the response as base64.
 */
export const backofficeRespond: BrowserCommand<[url: string, requestBase64: string, entitlements: unknown]> = async (
  _context,
  url,
  requestBase64,
  entitlements,
) => {
  const emulator = running.get(url);
  if (!emulator) throw new Error(`no test emulator at ${url}`);
  const work = await mkdtemp(join(tmpdir(), 'ld-wc-backoffice-'));
  try {
    const request = join(work, 'request.bin');
    const grants = join(work, 'entitlements.json');
    const out = join(work, 'response.bin');
    await writeFile(request, Buffer.from(requestBase64, 'base64'));
    await writeFile(grants, JSON.stringify(entitlements));
    const require = createRequire(import.meta.url);
    const cli = join(dirname(require.resolve('@licensedesk/emulator/package.json')), 'dist', 'cli.js');
    await run(process.execPath, [cli, 'backoffice', 'respond', '--request', request, '--entitlements', grants, '--out', out, '--data', emulator.dataDir]);
    return (await readFile(out)).toString('base64');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};

declare module '@vitest/browser/context' {
  interface BrowserCommands {
    startAdminEmulator: (options?: AdminEmulatorOptions) => Promise<AdminEmulatorInfo>;
    stopAdminEmulator: (url: string) => Promise<void>;
    advanceAdminEmulatorClock: (url: string, ms: number) => Promise<void>;
    backofficeRespond: (url: string, requestBase64: string, entitlements: unknown) => Promise<string>;
  }
}
