import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createLicenseServerClient, type LicenseServerClient } from '@licensedesk/sdk';
import { startEmulator } from '../../src/index.js';
import { call, rejection, tokenFor } from '../support/server.js';
import type { Database } from 'better-sqlite3';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(PACKAGE, 'dist', 'cli.js');
const PASSWORD = 'Durab!e123';
const folders: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'licensedesk-emulator-'));
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Starts the built CLI and resolves with its URL once it prints the banner. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'start', ...args], { cwd: PACKAGE, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match && out.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with ${code}:\n${out}`));
    });
  });
}

function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code, sig) => resolve(code ?? (sig ? -1 : null)));
    child.kill(signal);
  });
}

async function snapshot(client: LicenseServerClient) {
  const [features, devices, reservations, settings, users, hostids] = await Promise.all([
    client.features.list().all(),
    client.devices.list().all(),
    client.reservations.export(),
    client.settings.list(),
    client.users.list(),
    client.hostids.get(),
  ]);
  return {
    features,
    devices: devices.map(({ expiry: _e, ...rest }) => ({ ...rest, pendingReclaim: undefined })),
    reservations,
    settings,
    users,
    hostids,
  };
}

describe('durability', () => {
  it('keeps every committed write when the CLI process is killed with SIGKILL, and a seed never touches an existing folder', async () => {
    if (!existsSync(CLI)) execFileSync('npx', ['tsup'], { cwd: PACKAGE, stdio: 'ignore' });
    const data = tempDir();
    const args = ['--data', data, '--port', '0', '--seed', 'demo', '--secure', '--admin-password', PASSWORD];
    const first = await startCli(args);
    const client = createLicenseServerClient({ server: first.url, credentials: { user: 'admin', password: PASSWORD } });
    const seeded = await client.features.list().all();
    expect(seeded.length).toBeGreaterThanOrEqual(12);
    expect(first.output()).toContain('demo seed');

    // Writes through the API, each committed before its response.
    await client.users.create({ name: 'carol', password: 'Car0l!pass', roles: ['ROLE_READ'] });
    await client.settings.update({ 'licensing.borrowIntervalMax': '2d', 'server.name': 'Zoë Ω server' });
    await client.reservations.create({
      name: 'after-seed',
      reservations: [{ hostId: { value: 'KEEP-ME', type: 'STRING' }, reservationEntries: [{ featureName: 'viewer', featureVersion: '1.0', featureCount: 2 }] }],
    });
    const served = await client.licensing.request({
      hostId: { value: 'DURABLE-1', type: 'STRING' },
      alias: 'survives',
      features: [{ featureName: 'viewer', featureVersion: '1.0', count: 3 }],
    });
    const victim = (await client.devices.list({ hostid: 'F01898AD8DD3' }).all())[0]!;
    await client.devices.drop(victim.id);
    const token = await tokenFor(`${first.url}/api/1.0/instances/~`, 'admin', PASSWORD);
    const before = await snapshot(client);
    const instance = (await client.health.get()).LLS.serverInstanceID;

    expect(await killed(first.child, 'SIGKILL')).toBe(-1);

    const second = await startCli(args);
    try {
      expect(second.output()).toContain('existing; --seed ignored');
      const again = createLicenseServerClient({ server: second.url, credentials: { user: 'admin', password: PASSWORD } });
      expect((await again.health.get()).LLS.serverInstanceID).toBe(instance);
      expect(await snapshot(again)).toEqual(before);
      expect((await again.devices.get(served.clientId)).alias).toBe('survives');
      // Tokens survive a restart: the signing secret lives in the data folder.
      expect((await call(`${second.url}/api/1.0/features`, { token })).status).toBe(200);
    } finally {
      expect(await killed(second.child, 'SIGTERM')).toBe(0);
    }
  }, 120_000);

  it('leaves the database exactly as it was after failing imports, a dry run and a refused settings change', async () => {
    const data = tempDir();
    const emu = await startEmulator({ port: 0, dataDir: data, seed: 'demo', secure: true, adminPassword: PASSWORD, validateResponses: true, expiryTimer: false });
    try {
      const client = createLicenseServerClient({ server: emu.url, credentials: { user: 'admin', password: PASSWORD } });
      const dump = () => dumpDatabase(emu.context.db);
      const before = dump();
      const lab = (count: number, host = 'AA11BB22CC33') => ({
        name: 'lab',
        reservations: [{ hostId: { value: host, type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: count }] }],
      });
      expect((await rejection(client.reservations.create([lab(1), { ...lab(500, 'BB11BB22CC33'), name: 'lab-big' }]))).key).toBe('glsErr.insufficientCount');
      expect((await rejection(client.reservations.create([lab(1), { ...lab(1, '0A0B0C0D0E0F'), name: 'lab2' }]))).key).toBe('glsErr.duplicateHostId');
      expect((await rejection(client.reservations.create({ ...lab(1), name: 'qa' }))).key).toBe('glsErr.duplicateGroupName');
      await client.reservations.create([lab(1)], { dryRun: true });
      expect((await rejection(client.settings.update({ 'logging.threshold': 'DEBUG', 'lfs.syncTo.enabled': true }))).status).toBe(403);
      expect((await rejection(client.settings.update({ 'logging.threshold': 'DEBUG', 'logging.maxHistory': -1 }))).status).toBe(400);
      const group = (await client.reservations.list({ name: 'qa' }).all())[0]!;
      expect((await rejection(client.reservations.replace(group.id, lab(999)))).key).toBe('glsErr.insufficientCount');
      expect(dump()).toEqual(before);
    } finally {
      await emu.close();
    }
  });
});

/** Every row of every table, in rowid order, as JSON text. */
function dumpDatabase(db: Database): Record<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const dump: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
    dump[name] = JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v));
  }
  return dump;
}
