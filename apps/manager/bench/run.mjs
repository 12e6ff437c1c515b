#!/usr/bin/env node
/**
 * Manager benchmark: cold loads of the first view (About) and of the Features view in headless
 * Chromium, through the real manager server (production build) against the emulator (demo seed).
 *
 * For each view and run: a fresh browser context (empty cache), navigation to the view's URL, and
 * the time from navigation start until the element shows server data (performance.now() in the
 * page, checked every frame). Bytes: the JavaScript and CSS the page loaded, as transferred
 * (CDP Network.loadingFinished encodedDataLength; the server sends brotli when the browser asks)
 * and as gzip (level 9, what the server sends to gzip-only clients).
 *
 * Reservations import (issue 5): a 5,000-group JSON file chosen in the Reservations view, checked
 * in the browser and by a server dry run, imported, and the first page of the table rendered with
 * the new groups. Target under 3 s end to end.
 *
 * Usage: pnpm --filter @licensedesk/manager bench [-- --runs 7] [-- --groups 5000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startEmulator } from '@licensedesk/emulator';
import { createLicenseServerClient } from '@licensedesk/sdk';
import { chromium } from 'playwright-core';

const APP = fileURLToPath(new URL('..', import.meta.url));
const SITE = join(APP, 'dist', 'site');
const SERVER = join(APP, 'dist', 'server', 'index.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const groupsArg = process.argv.indexOf('--groups');
const IMPORT_GROUPS = groupsArg > 0 ? Number(process.argv[groupsArg + 1]) : 5000;

const TARGET_BYTES = 60 * 1024;
const TARGET_MS = 500;
const TARGET_IMPORT_MS = 3000;
const EMULATOR_CLI = join(dirname(createRequire(import.meta.url).resolve('@licensedesk/emulator/package.json')), 'dist', 'cli.js');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/** The views measured: URL path and a check that returns performance.now() once server data shows. */
const VIEWS = [
  {
    name: 'About (first view)',
    path: '/about',
    ready: () => {
      const panel = document.querySelector('ld-about-panel');
      const status = panel?.shadowRoot?.querySelector('[part="server-status"]');
      return status && status.textContent.trim() !== '' ? performance.now() : null;
    },
  },
  {
    name: 'Features',
    path: '/features',
    ready: () => {
      const table = document.querySelector('ld-features-table')?.shadowRoot?.querySelector('ld-data-table');
      const row = table?.shadowRoot?.querySelector('tbody tr');
      return row && row.textContent.trim() !== '' ? performance.now() : null;
    },
  },
];

function ensureBuilt() {
  if (existsSync(join(SITE, 'index.html')) && existsSync(SERVER)) return;
  console.log('Building the manager (site and server) first…');
  const result = spawnSync('pnpm', ['run', 'build'], {
    cwd: APP,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${join(APP, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** gzip -9 size of a built site file (the .gz the build wrote, or compressed now). */
function gzipSize(urlPath) {
  const file = join(SITE, decodeURIComponent(urlPath));
  if (existsSync(`${file}.gz`)) return readFileSync(`${file}.gz`).length;
  if (existsSync(file)) return gzipSync(readFileSync(file), { level: 9 }).length;
  return null;
}

async function measure(browser, baseUrl, view) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  cdp.on('Network.responseReceived', (event) => {
    requests.set(event.requestId, { url: event.response.url, type: event.type, encoding: event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'] ?? '' });
  });
  const finished = [];
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (request) finished.push({ ...request, bytes: event.encodedDataLength });
  });

  await page.goto(`${baseUrl}${view.path}`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(view.ready, undefined, { polling: 'raf', timeout: 30_000 });
  const renderedMs = await handle.jsonValue();
  // Let late module/style requests of this view finish before counting.
  await page.waitForLoadState('networkidle');
  const assets = finished.filter((r) => r.type === 'Script' || r.type === 'Stylesheet');
  const transferred = assets.reduce((sum, r) => sum + r.bytes, 0);
  const gzip = assets.reduce((sum, r) => sum + (gzipSize(new URL(r.url).pathname) ?? r.bytes), 0);
  const files = assets.map((r) => `${new URL(r.url).pathname} (${r.encoding || 'identity'} ${r.bytes} B)`);
  await context.close();
  return { renderedMs, transferred, gzip, files, count: assets.length };
}

/** Gives the emulator a feature with enough counts for every imported group, through the offline loop. */
async function addBulkFeature(emulatorUrl, dataDir, count) {
  const client = createLicenseServerClient({ server: emulatorUrl });
  const request = await client.offline.activationRequest({ activationId: 'ACT-BENCH', count: 1 });
  await writeFile(join(dataDir, 'bench-request.bin'), request);
  await writeFile(join(dataDir, 'bench-entitlements.json'), JSON.stringify({ 'ACT-BENCH': [{ featureName: 'bench-seat', featureVersion: '1.0', count }] }));
  execFileSync(process.execPath, [
    EMULATOR_CLI, 'backoffice', 'respond',
    '--request', join(dataDir, 'bench-request.bin'),
    '--entitlements', join(dataDir, 'bench-entitlements.json'),
    '--out', join(dataDir, 'bench-response.bin'),
    '--data', dataDir,
  ]);
  await client.offline.uploadResponse(readFileSync(join(dataDir, 'bench-response.bin')));
}

function reservationFile(groups) {
  return JSON.stringify(
    Array.from({ length: groups }, (_, i) => ({
      name: `bench-${String(i + 1).padStart(5, '0')}`,
      reservations: [
        {
          hostId: { value: `BENCH-HOST-${i + 1}`, type: 'STRING' },
          reservationEntries: [{ featureName: 'bench-seat', featureVersion: '1.0', featureCount: 1 }],
        },
      ],
    })),
    null,
    2,
  );
}

/** Chooses the file in the Reservations view, waits for the check, imports, waits for the first page. */
async function measureImport(browser, baseUrl, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${baseUrl}/reservations`);
  const view = page.locator('ld-reservations-view');
  await view.locator('ld-data-table tbody tr').first().waitFor();
  await view.getByRole('button', { name: 'Import' }).click();
  const importer = view.locator('ld-reservations-import');
  await importer.locator('[part="file-input"]').waitFor({ state: 'attached' });
  const started = Date.now();
  await importer.locator('[part="file-input"]').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await importer.locator('[part="import-button"]:not([disabled])').waitFor();
  const checked = Date.now();
  await importer.locator('[part="import-button"]').click();
  await importer.getByText(/Imported bench\.json/).waitFor();
  const imported = Date.now();
  await view.locator('ld-data-table').first().locator('tbody tr', { hasText: 'bench-00001' }).first().waitFor();
  const rendered = Date.now();
  await context.close();
  return { checkMs: checked - started, importMs: imported - checked, renderMs: rendered - imported, totalMs: rendered - started };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  ensureBuilt();
  const { startManagerServer } = await import(SERVER);
  const dataDir = await mkdtemp(join(tmpdir(), 'ld-manager-bench-'));
  const emulatorData = join(dataDir, 'emulator');
  const emulator = await startEmulator({ port: 0, dataDir: emulatorData, seed: 'demo', expiryTimer: false });
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ version: 1, licenseServerHost: '127.0.0.1', licenseServerPort: emulator.port, useHttps: false, pageSize: 20, allowDeviceDrop: false }),
  );
  const manager = await startManagerServer({ port: 0, dataDir, siteDir: SITE });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const results = [];
  let importResult = null;
  try {
    // One discarded load warms the manager, the emulator and Chromium's own start-up paths.
    await measure(browser, manager.url, VIEWS[0]);
    for (const view of VIEWS) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await measure(browser, manager.url, view));
      results.push({ view, runs });
    }
    if (IMPORT_GROUPS > 0) {
      await addBulkFeature(emulator.url, emulatorData, IMPORT_GROUPS * 2);
      importResult = await measureImport(browser, manager.url, reservationFile(IMPORT_GROUPS));
    }
  } finally {
    await browser.close();
    await manager.close();
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
  }

  console.log(`\nLicenseDesk manager, cold loads (fresh context, cache disabled), ${RUNS} runs per view, headless Chromium`);
  console.log(`Targets: first view JS+CSS < ${kb(TARGET_BYTES)} gzip; server data rendered < ${TARGET_MS} ms\n`);
  const rows = [['View', 'data rendered (median)', 'min–max', 'JS+CSS gzip', 'transferred (br)', 'files', 'targets']];
  let ok = true;
  for (const { view, runs } of results) {
    const times = runs.map((r) => r.renderedMs);
    const gzip = median(runs.map((r) => r.gzip));
    const transferred = median(runs.map((r) => r.transferred));
    const timeOk = median(times) < TARGET_MS;
    const bytesOk = view.path !== '/about' || gzip < TARGET_BYTES;
    ok &&= timeOk && bytesOk;
    rows.push([
      view.name,
      `${median(times).toFixed(0)} ms`,
      `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`,
      kb(gzip),
      kb(transferred),
      String(runs[0].count),
      `${timeOk ? 'time ok' : 'TIME MISSED'}${view.path === '/about' ? `, ${bytesOk ? 'size ok' : 'SIZE MISSED'}` : ''}`,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i])).join(' | '));
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
  for (const { view, runs } of results) console.log(`\n${view.name} loaded: ${runs[0].files.join(', ')}`);
  if (importResult) {
    const importOk = importResult.totalMs < TARGET_IMPORT_MS;
    ok &&= importOk;
    console.log(
      `\nReservations import of ${IMPORT_GROUPS} groups (one run): ${importResult.totalMs} ms end to end ` +
        `(browser check + server dry run ${importResult.checkMs} ms, import ${importResult.importMs} ms, first page ${importResult.renderMs} ms); ` +
        `target < ${TARGET_IMPORT_MS} ms: ${importOk ? 'ok' : 'MISSED'}`,
    );
  }
  console.log(ok ? '\nAll targets met.' : '\nSome targets were missed.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
