import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLicenseServerClient } from '@licensedesk/sdk';
import { startEmulator } from '../../src/index.js';
import { runSimulate } from '../../src/commands/simulate.js';
import { DEMO_CREDENTIALS } from '../../src/options.js';
import { call, flags } from '../support/server.js';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('demo seed', () => {
  it('serves a realistic server whose every list matches the spec', async () => {
    const emu = await startEmulator({ port: 0, memory: true, seed: 'demo', secure: true, adminPassword: 'Dem0!pass1', validateResponses: true, expiryTimer: false });
    try {
      const viewer = createLicenseServerClient({ server: emu.url, credentials: { user: 'viewer', password: DEMO_CREDENTIALS.viewer.password } });
      const features = await viewer.features.list().all();
      const names = new Set(features.map((f) => f.featureName));
      expect(names.size).toBeGreaterThanOrEqual(12);
      expect(features.length).toBeGreaterThan(names.size);
      expect(features.some((f) => f.expiry === 'permanent')).toBe(true);
      const now = Date.now();
      expect(features.some((f) => f.expiry !== 'permanent' && Date.parse(f.expiry) < now)).toBe(true);
      expect(features.some((f) => f.metered)).toBe(true);
      expect(features.some((f) => f.uncounted)).toBe(true);
      expect(features.some((f) => (f.vendorString ?? '').length === 2000)).toBe(true);
      expect(features.some((f) => f.vendorString?.includes('Zoë Ω'))).toBe(true);
      expect(features.some((f) => f.vendorString?.includes('a"b\\c'))).toBe(true);
      const devices = await viewer.devices.list({}, { pageSize: 100 }).all();
      expect(devices.length).toBeGreaterThanOrEqual(300);
      expect(new Set(devices.map((d) => d.hostid.hostidType))).toEqual(new Set(['ETHERNET', 'STRING', 'VM_UUID', 'USER']));
      expect(new Set(devices.map((d) => d.machineType))).toEqual(new Set(['PHYSICAL', 'VIRTUAL', 'UNKNOWN']));
      expect(devices.filter((d) => flags(d).suspectedDuplicate)).toHaveLength(3);
      for (const d of devices.slice(0, 20)) await viewer.devices.get(d.id);
      for (const f of features) await viewer.features.clients(f.id).all();
      const groups = await viewer.reservations.list().all();
      expect(groups.map((g) => g.name)).toEqual(['engineering', 'qa', 'support']);
      expect(await viewer.pools.list()).toEqual([expect.objectContaining({ name: 'default', default: true })]);
      expect(await viewer.model.get()).toBeNull();
      expect(emu.context.licensing.verifyConsistency()).toEqual([]);
      const reserver = createLicenseServerClient({ server: emu.url, credentials: { user: 'reservations', password: DEMO_CREDENTIALS.reservations.password } });
      await reserver.reservations.delete(groups[2]!.id);
    } finally {
      await emu.close();
    }
  });
});

describe('transport', () => {
  it('answers CORS preflights for allowed origins only and exposes X-Total-Count', async () => {
    const emu = await startEmulator({ port: 0, memory: true, cors: ['https://portal.example.com'], expiryTimer: false });
    try {
      const url = `${emu.url}/api/1.0/instances/~/features`;
      const allowed = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'https://portal.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
      const get = await fetch(url, { headers: { origin: 'https://portal.example.com' } });
      expect(get.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
      const other = await fetch(url, { headers: { origin: 'https://evil.example.com' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await emu.close();
    }
  });

  it('serves HTTPS with a given certificate and key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'licensedesk-tls-'));
    folders.push(dir);
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const emu = await startEmulator({ port: 0, memory: true, tls: { cert, key: readFileSync(join(dir, 'key.pem')) }, expiryTimer: false });
    try {
      expect(emu.url).toMatch(/^https:\/\//);
      const client = createLicenseServerClient({ server: emu.url, ca: cert });
      expect((await client.health.get()).LLS.status).toBe('RUNNING');
    } finally {
      await emu.close();
    }
  });

  it('rejects unsupported content types and malformed JSON with the error shape', async () => {
    const emu = await startEmulator({ port: 0, memory: true, validateResponses: true, expiryTimer: false });
    try {
      const base = `${emu.url}/api/1.0/instances/~`;
      const xml = await call(`${base}/authorize`, { method: 'POST', body: '<user/>', headers: { 'content-type': 'application/xml' } });
      expect(xml.status).toBe(415);
      expect(xml.json.key).toBe('glsErr.unsupportedMediaType');
      const broken = await call(`${base}/authorize`, { method: 'POST', body: '{"user": ', headers: { 'content-type': 'application/json' } });
      expect(broken.status).toBe(400);
      expect(broken.json.key).toBe('glsErr.invalidRequest');
    } finally {
      await emu.close();
    }
  });
});

describe('simulate command', () => {
  it('drives devices that request and return licenses', async () => {
    const emu = await startEmulator({ port: 0, memory: true, seed: 'demo', expiryTimer: false });
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => lines.push(args.join(' '));
    try {
      const code = await runSimulate(['--server', emu.url, '--devices', '20', '--rate', '200', '--duration', '1.5', '--features', 'viewer:1.0,f1:1.0']);
      expect(code).toBe(0);
    } finally {
      console.log = log;
    }
    try {
      const summary = lines.at(-1)!;
      expect(summary).toMatch(/\d+ requests/);
      expect(Number(/(\d+) granted/.exec(summary)![1])).toBeGreaterThan(0);
      const devices = await createLicenseServerClient({ server: emu.url }).devices.list({ hostid: 'SIM-*' }).all();
      expect(devices.length).toBeGreaterThan(0);
      expect(emu.context.licensing.verifyConsistency()).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
