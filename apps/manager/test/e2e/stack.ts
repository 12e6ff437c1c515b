/**
 * The real thing for each e2e file: an emulator (demo seed, administrative security on, its own
 * data folder so it can be stopped and started again on the same port), the real manager server
 * serving the built site and relaying to it, and a page in the shared Chromium.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@licensedesk/emulator';
import { createLicenseServerClient, type LicenseServerClient } from '@licensedesk/sdk';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startManagerServer, type ManagerServer } from '../../src/server/index.js';

export const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const SITE_DIR = join(APP_DIR, 'dist', 'site');
export const SCREENSHOTS = join(APP_DIR, 'test-results', 'screenshots');

export const ADMIN = { user: 'admin', password: 'E2e-Admin-Pass1!' } as const;
export const READER = { user: 'reader', password: 'E2e-Reader-Pass1!' } as const;

export interface Emulator {
  server: RunningEmulator;
  port: number;
  dataDir: string;
  options: EmulatorOptions;
  /** Stops the emulator (the manager then finds nothing at its address). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data folder. */
  restart(): Promise<void>;
}

/** Starts an emulator on a temporary data folder (seeded once) and keeps it restartable. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator & { cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ld-e2e-emulator-'));
  const merged: EmulatorOptions = { port: 0, dataDir, seed: 'demo', secure: true, expiryTimer: false, ...options };
  let server = await startEmulator(merged);
  const port = server.port;
  const emulator = {
    get server() {
      return server;
    },
    port,
    dataDir,
    options: merged,
    async stop() {
      await server.close();
    },
    async restart() {
      server = await startEmulator({ ...merged, port });
    },
    async cleanup() {
      await server.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return emulator;
}

/** An SDK client straight to the emulator (for arranging and checking server state). */
export async function adminClient(emulator: Emulator, who: { user: string; password: string } = ADMIN): Promise<LicenseServerClient> {
  const client = createLicenseServerClient({ server: `http://127.0.0.1:${emulator.port}` });
  await client.login(who.user, who.password);
  return client;
}

export interface Stack {
  emulator: Emulator;
  manager: ManagerServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and Content-Security-Policy violations seen in the page. */
  problems: string[];
  /** Absolute URL of a site path. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts emulator + manager and opens a page in the shared browser. */
export async function startStack(options: { emulator?: EmulatorOptions; settings?: Record<string, unknown> } = {}): Promise<Stack> {
  const emulator = await startTestEmulator({ adminPassword: ADMIN.password, ...options.emulator });
  const managerData = await mkdtemp(join(tmpdir(), 'ld-e2e-manager-'));
  await mkdir(managerData, { recursive: true });
  await writeFile(
    join(managerData, 'settings.json'),
    JSON.stringify({ version: 1, licenseServerHost: '127.0.0.1', licenseServerPort: emulator.port, useHttps: false, pageSize: 20, allowDeviceDrop: false, ...options.settings }),
  );
  const manager = await startManagerServer({ port: 0, dataDir: managerData, siteDir: SITE_DIR, connectTimeoutMs: 2000 });
  const browser = await chromium.connect(inject('browserWsEndpoint'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // Generous: the machine is shared and has 2 cores; every wait is for a condition, never a fixed time.
  page.setDefaultTimeout(30_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  return {
    emulator,
    manager,
    browser,
    context,
    page,
    problems,
    url: (path) => `${manager.url}${path}`,
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await manager.close();
      await emulator.cleanup();
      await rm(managerData, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the page as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
