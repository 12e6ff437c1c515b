#!/usr/bin/env node
// `npm start`: installs and builds what is missing (turbo caches the rest), then runs the license
// server emulator (demo data) and the manager pointed at it, prints where to go and how to log in,
// and stops both on Ctrl-C. If either one dies, the other is stopped and its output is shown.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join, relative } from 'node:path';
import { ROOT, TURBO_ENV, ensureDependencies, ensurePnpm, run } from './lib/bootstrap.mjs';

const HOST = '127.0.0.1';
const EMULATOR_CLI = join(ROOT, 'packages/emulator/dist/cli.js');
const MANAGER_CLI = join(ROOT, 'apps/manager/dist/server/cli.js');
const EMULATOR_DATA = join(ROOT, '.licensedesk/emulator');
const MANAGER_DATA = join(ROOT, '.licensedesk/manager');
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

function portFromEnv(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    fail(`${name}=${value} is not a port number (1-65535).`);
  }
  return Number(value);
}

const emulatorPort = portFromEnv('LICENSEDESK_EMULATOR_PORT', 7070);
const managerPort = portFromEnv('LICENSEDESK_MANAGER_PORT', 8080);
if (emulatorPort === managerPort) {
  fail(`LICENSEDESK_EMULATOR_PORT and LICENSEDESK_MANAGER_PORT are both ${managerPort}; give them different ports.`);
}
const secure = !['0', 'false', 'no', 'off'].includes(String(process.env.LICENSEDESK_EMULATOR_SECURE ?? '1').toLowerCase());

/** Resolves when the port can be bound on HOST, rejects with EADDRINUSE (or another error) when not. */
function portIsFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve()));
  });
}

async function checkPort(port, variable, what) {
  try {
    await portIsFree(port);
  } catch (error) {
    if (error.code === 'EADDRINUSE') {
      fail(
        `port ${port} (for the ${what}) is already in use on ${HOST} — is LicenseDesk already running?\n` +
          `Stop what uses it, or pick another port: ${variable}=${port + 1} npm start`,
      );
    }
    fail(`cannot use port ${port} for the ${what}: ${error.message}. Pick another one with ${variable}=N.`);
  }
}

// 1. Tools and dependencies.
ensurePnpm();
ensureDependencies();

// 2. Ports, before spending time on the build.
await checkPort(emulatorPort, 'LICENSEDESK_EMULATOR_PORT', 'license server emulator');
await checkPort(managerPort, 'LICENSEDESK_MANAGER_PORT', 'manager');

// 3. Build what is not built yet (turbo replays cached builds in seconds).
console.log('\nBuilding the manager and what it depends on (the first run takes a few minutes; later runs are cached)...');
run('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@licensedesk/manager...', '--output-logs=errors-only'], { env: TURBO_ENV });
for (const file of [EMULATOR_CLI, MANAGER_CLI]) {
  if (!existsSync(file)) fail(`the build finished but ${relative(ROOT, file)} is missing.`);
}

// 4. Run both.
/** A child process whose output is kept (last lines) to show if it fails. */
function startChild(name, args) {
  // Own process group: a Ctrl-C reaches only this script, which then stops the children in order.
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: process.env });
  const lines = [];
  const keep = (chunk) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (line === '') continue;
      lines.push(line);
      if (lines.length > 400) lines.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { name, child, lines, exited, running: true };
}

const emulatorArgs = [EMULATOR_CLI, 'start', '--port', String(emulatorPort), '--host', HOST, '--data', EMULATOR_DATA, '--seed', 'demo'];
if (secure) emulatorArgs.push('--secure');
if (process.env.LICENSEDESK_ADMIN_PASSWORD) emulatorArgs.push('--admin-password', process.env.LICENSEDESK_ADMIN_PASSWORD);
const emulatorUrl = `http://${HOST}:${emulatorPort}`;
const managerArgs = [MANAGER_CLI, '--port', String(managerPort), '--host', HOST, '--data', MANAGER_DATA, '--license-server', emulatorUrl];

const children = [];
let stopping = false;

function describeExit({ code, signal }) {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

async function stopAll() {
  const stops = children
    .filter((c) => c.running)
    .map(async (c) => {
      try {
        process.kill(c.child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(c.child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, STOP_TIMEOUT_MS);
      await c.exited;
      clearTimeout(timer);
    });
  await Promise.all(stops);
}

async function dieBecause(c, exit) {
  if (stopping) return;
  stopping = true;
  const label = c.name === 'emulator' ? 'license server emulator' : 'manager';
  console.error(`\nThe ${label} stopped unexpectedly (${describeExit(exit)}). Its output:\n`);
  console.error(c.lines.map((line) => `  ${line}`).join('\n') || '  (no output)');
  if (c.lines.some((line) => line.includes('EADDRINUSE') || line.includes('already in use'))) {
    const variable = c.name === 'emulator' ? 'LICENSEDESK_EMULATOR_PORT' : 'LICENSEDESK_MANAGER_PORT';
    console.error(`\nIts port is in use; pick another one with ${variable}=N npm start`);
  }
  await stopAll();
  process.exit(1);
}

function watch(c) {
  children.push(c);
  void c.exited.then((exit) => {
    c.running = false;
    if (!stopping) void dieBecause(c, exit);
  });
}

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the manager and the emulator...`);
  await stopAll();
  console.log('Stopped.');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(signal));
// Last resort if this script ends any other way: never leave the children behind.
process.on('exit', () => {
  for (const c of children) {
    if (c.running) {
      try {
        process.kill(c.child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
});

async function waitFor(c, url, what) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!c.running || stopping) return new Promise(() => {}); // the exit handler takes over
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stopping = true;
  console.error(`\nThe ${what} did not answer at ${url} within ${STARTUP_TIMEOUT_MS / 1000} s. Its output:\n`);
  console.error(c.lines.map((line) => `  ${line}`).join('\n') || '  (no output)');
  await stopAll();
  process.exit(1);
}

console.log('Starting the license server emulator and the manager...');
const emulator = startChild('emulator', emulatorArgs);
watch(emulator);
await waitFor(emulator, `${emulatorUrl}/api/1.0/instances/~/health`, 'license server emulator');
const manager = startChild('manager', managerArgs);
watch(manager);
const managerUrl = `http://${HOST}:${managerPort}`;
await waitFor(manager, `${managerUrl}/manager-api/info`, 'manager');

// 5. Where to go and how to log in.
function accountLines() {
  const start = emulator.lines.findIndex((line) => line.trim() === 'Accounts:');
  if (start === -1) return [];
  const accounts = [];
  for (const line of emulator.lines.slice(start + 1)) {
    if (!/^\s{3,}\S/.test(line)) break;
    accounts.push(`    ${line.trim()}`);
  }
  return accounts;
}

function managerSettingsNote() {
  try {
    const settings = JSON.parse(readFileSync(join(MANAGER_DATA, 'settings.json'), 'utf8'));
    const scheme = settings.useHttps ? 'https' : 'http';
    const host = String(settings.licenseServerHost).includes(':') ? `[${settings.licenseServerHost}]` : settings.licenseServerHost;
    const target = `${scheme}://${host}:${settings.licenseServerPort}`;
    if (target !== emulatorUrl) {
      return (
        `\n  Note: the manager's Settings point at ${target}, not at this emulator (${emulatorUrl}).\n` +
        `  Change them in Settings, or delete ${relative(ROOT, join(MANAGER_DATA, 'settings.json'))} to start over.\n`
      );
    }
  } catch {
    /* no settings saved yet: the manager uses the emulator */
  }
  return '';
}

const accounts = accountLines();
const warnings = manager.lines.filter((line) => /warning/i.test(line)).map((line) => `  ${line.trim()}`);
console.log(
  [
    '',
    '──────────────────────────────────────────────────────────────',
    '  LicenseDesk is running',
    '',
    `  Manager:         ${managerUrl}   <- open this in your browser`,
    `  License server:  ${emulatorUrl}   (emulator with demo data in ${relative(ROOT, EMULATOR_DATA)})`,
    `  Security:        ${secure ? 'on: log in with one of these accounts' : 'off (LICENSEDESK_EMULATOR_SECURE=0): no login needed'}`,
    '',
    ...(accounts.length ? ['  Accounts:', ...accounts] : ['  Accounts: see the emulator output (could not read them).']),
    '',
    `  Passwords changed in an earlier run stay changed; delete ${relative(ROOT, EMULATOR_DATA)} to start over.`,
    ...warnings,
    '──────────────────────────────────────────────────────────────',
  ].join('\n') +
    managerSettingsNote() +
    '\nPress Ctrl-C to stop both.\n',
);
