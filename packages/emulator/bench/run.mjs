// Throughput and latency of the built emulator (dist/) on a large server:
// 100,000 devices and 10,000 feature records, licensing requests from concurrent keep-alive clients
// over loopback, list-page latency and a large reservation import (dry run, import, first page).
// Prints figures; asserts nothing.
//
//   pnpm --filter @licensedesk/emulator build && pnpm --filter @licensedesk/emulator bench
//   (options: --devices N --features N --requests N --concurrency N --pages N --groups N --profile DIR)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateReservationImport } from '@licensedesk/sdk';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, '..', 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `pnpm --filter @licensedesk/emulator build` first (turbo `pnpm bench` does).');
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '100000' },
    features: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '32' },
    pages: { type: 'string', default: '200' },
    groups: { type: 'string', default: '5000' },
    // Writes a V8 CPU profile of the server process into this folder (open it in Chrome DevTools).
    profile: { type: 'string' },
  },
});
const DEVICES = Number(values.devices);
const FEATURES = Number(values.features);
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const PAGES = Number(values.pages);
const GROUPS = Number(values.groups);
const PAGE_SIZE = 50;
const NAMES = Math.ceil(FEATURES / 5);

const dataDir = mkdtempSync(join(os.tmpdir(), 'ld-bench-'));
const profileFlags = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
const server = spawn(process.execPath, [...profileFlags, join(here, 'server.mjs'), dataDir, String(DEVICES), String(FEATURES)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ready = await new Promise((resolve, reject) => {
  let buffered = '';
  server.stdout.on('data', (chunk) => {
    buffered += chunk;
    const line = buffered.split('\n')[0];
    if (buffered.includes('\n')) resolve(JSON.parse(line));
  });
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const base = new URL('/api/1.0/instances/~/', ready.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function call(method, path, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      new URL(path, base),
      { method, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (res.statusCode < 200 || res.statusCode > 299) reject(new Error(`${method} ${path}: ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          else resolve({ ms, body: Buffer.concat(chunks), headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
}

const random = (n) => Math.floor(Math.random() * n);

// CPU time (ms) the server process has used, from /proc (Linux); null elsewhere. Throughput on a
// busy machine swings with the other load, CPU per request does not.
function serverCpuMs() {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function licensingBody() {
  const device = `DEV-${String(random(DEVICES)).padStart(6, '0')}`;
  const feature = `feat-${String(random(NAMES)).padStart(4, '0')}`;
  return { hostId: { value: device, type: 'STRING' }, features: [{ featureName: feature, featureVersion: '1.0', count: 1 + random(2) }] };
}

try {
  // Warm-up: JIT, statement caches, connections.
  for (let i = 0; i < 500; i++) await call('POST', 'request', licensingBody());

  const latencies = [];
  let denied = 0;
  let next = 0;
  const cpuBefore = serverCpuMs();
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const { ms, body } = await call('POST', 'request', licensingBody());
        latencies.push(ms);
        if (JSON.parse(body).denied.length > 0) denied++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = serverCpuMs();
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const clientCpuPerRequest = (clientCpu.user + clientCpu.system) / 1000 / REQUESTS;
  const cpuPerRequest = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / REQUESTS;
  const licensing = summary(latencies);

  async function pageLatency(path, pageCount) {
    const times = [];
    let total = null;
    for (let i = 0; i < PAGES; i++) {
      const { ms, body, headers } = await call('GET', `${path}?pageSize=${PAGE_SIZE}&pageNumber=${1 + random(pageCount)}`);
      if (JSON.parse(body).length !== PAGE_SIZE) throw new Error(`${path} page has ${JSON.parse(body).length} items`);
      total = headers['x-total-count'];
      times.push(ms);
    }
    return { ...summary(times), total };
  }
  const devicesPage = await pageLatency('clients', Math.floor(DEVICES / PAGE_SIZE));
  const featuresPage = await pageLatency('features', Math.floor(FEATURES / PAGE_SIZE));

  // Reservation import as the manager does it: client-side validation, a server dry run, the
  // import, then the first page of the list. Each group: one host id with two entries.
  const posting = Array.from({ length: GROUPS }, (_, i) => ({
    name: `bench-group-${i}`,
    reservations: [
      {
        hostId: { value: `RES-${String(i).padStart(6, '0')}`, type: 'STRING' },
        reservationEntries: [
          { featureName: `feat-${String(i % NAMES).padStart(4, '0')}`, featureVersion: '1.0', featureCount: 1 },
          { featureName: `feat-${String((i + 7) % NAMES).padStart(4, '0')}`, featureVersion: '1.2', featureCount: 2 },
        ],
      },
    ],
  }));
  let t = performance.now();
  const validation = validateReservationImport(posting);
  if (!validation.ok) throw new Error(`bench posting is invalid: ${validation.problems[0]?.message}`);
  const validateMs = performance.now() - t;
  const dryRuns = [];
  for (let i = 0; i < 3; i++) dryRuns.push((await call('POST', 'reservationgroups?dryRun=true', posting)).ms);
  const dryRunMs = summary(dryRuns).p50;
  const imported = await call('POST', 'reservationgroups', posting);
  if (JSON.parse(imported.body).length !== GROUPS) throw new Error('the import did not create every group');
  const firstPage = await call('GET', `reservationgroups?pageSize=${PAGE_SIZE}&pageNumber=1`);
  const importTotal = validateMs + dryRuns[0] + imported.ms + firstPage.ms;

  const f = (n) => n.toFixed(2).padStart(8);
  console.log('');
  console.log(`@licensedesk/emulator bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log(`server: ${DEVICES.toLocaleString('en')} devices, ${FEATURES.toLocaleString('en')} feature records (setup ${ready.setupMs} ms, data folder on disk, WAL)`);
  console.log('');
  console.log(`licensing requests   ${REQUESTS} requests, ${CONCURRENCY} keep-alive connections over loopback`);
  console.log(`  throughput         ${(REQUESTS / seconds).toFixed(0).padStart(8)} req/s   (target >= 2000)`);
  console.log(`  latency p50/p99    ${f(licensing.p50)} ms ${f(licensing.p99)} ms   (max ${licensing.max.toFixed(1)} ms; ${denied} with denials)`);
  if (cpuPerRequest !== null) {
    console.log(`  server CPU         ${f(cpuPerRequest)} ms/request = ${(1000 / cpuPerRequest).toFixed(0)} req/s per fully used core`);
  }
  console.log(`  load generator CPU ${f(clientCpuPerRequest)} ms/request (same machine)`);
  console.log(`  machine load       ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min) on ${os.cpus().length} cores`);
  console.log(`device page (50)     ${PAGES} pages at random offsets of ${devicesPage.total}`);
  console.log(`  latency p50/p99    ${f(devicesPage.p50)} ms ${f(devicesPage.p99)} ms   (target < 20 ms)`);
  console.log(`features page (50)   ${PAGES} pages at random offsets of ${featuresPage.total}`);
  console.log(`  latency p50/p99    ${f(featuresPage.p50)} ms ${f(featuresPage.p99)} ms`);
  console.log(`reservation import   ${GROUPS.toLocaleString('en')} groups (${(Buffer.byteLength(JSON.stringify(posting)) / 1024 / 1024).toFixed(1)} MB) on top of the above`);
  console.log(`  client validation  ${f(validateMs)} ms`);
  console.log(`  ${`${GROUPS.toLocaleString('en')}-group dry run`.padEnd(18)} ${f(dryRunMs)} ms   (median of 3: ${dryRuns.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
  console.log(`  ${`${GROUPS.toLocaleString('en')}-group import`.padEnd(18)} ${f(imported.ms)} ms`);
  console.log(`  first page (50)    ${f(firstPage.ms)} ms`);
  console.log(`  end to end         ${f(importTotal)} ms   (validation + dry run + import + first page; target < 3000 ms)`);
  console.log('');
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(`| licensing throughput | ${(REQUESTS / seconds).toFixed(0)} req/s |`);
  console.log(`| licensing p50 / p99 | ${licensing.p50.toFixed(2)} / ${licensing.p99.toFixed(2)} ms |`);
  if (cpuPerRequest !== null) console.log(`| server CPU per licensing request | ${cpuPerRequest.toFixed(3)} ms |`);
  console.log(`| device page p50 / p99 (${DEVICES.toLocaleString('en')} devices) | ${devicesPage.p50.toFixed(2)} / ${devicesPage.p99.toFixed(2)} ms |`);
  console.log(`| features page p50 / p99 (${FEATURES.toLocaleString('en')} records) | ${featuresPage.p50.toFixed(2)} / ${featuresPage.p99.toFixed(2)} ms |`);
  console.log(`| ${GROUPS.toLocaleString('en')}-group dry run | ${dryRunMs.toFixed(0)} ms |`);
  console.log(`| ${GROUPS.toLocaleString('en')}-group import | ${imported.ms.toFixed(0)} ms |`);
  console.log(`| ${GROUPS.toLocaleString('en')}-group import end to end | ${importTotal.toFixed(0)} ms |`);
  console.log(`| load average (1/5/15 min, ${os.cpus().length} cores) | ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} |`);
  console.log('');
} finally {
  agent.destroy();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
