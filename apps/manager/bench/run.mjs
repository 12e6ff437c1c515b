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
 * Usage: pnpm --filter @licensedesk/manager bench [-- --runs 7]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startEmulator } from '@licensedesk/emulator';
import { chromium } from 'playwright-core';

const APP = fileURLToPath(new URL('..', import.meta.url));
const SITE = join(APP, 'dist', 'site');
const SERVER = join(APP, 'dist', 'server', 'index.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const TARGET_BYTES = 60 * 1024;
const TARGET_MS = 500;

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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  ensureBuilt();
  const { startManagerServer } = await import(SERVER);
  const emulator = await startEmulator({ port: 0, memory: true, seed: 'demo', expiryTimer: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'ld-manager-bench-'));
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ version: 1, licenseServerHost: '127.0.0.1', licenseServerPort: emulator.port, useHttps: false, pageSize: 20, allowDeviceDrop: false }),
  );
  const manager = await startManagerServer({ port: 0, dataDir, siteDir: SITE });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const results = [];
  try {
    // One discarded load warms the manager, the emulator and Chromium's own start-up paths.
    await measure(browser, manager.url, VIEWS[0]);
    for (const view of VIEWS) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await measure(browser, manager.url, view));
      results.push({ view, runs });
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
  console.log(ok ? '\nAll targets met.' : '\nSome targets were missed.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
