import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLicenseServerClient, type LicenseServerClient } from '@licensedesk/sdk';
import { startEmulator, type RunningEmulator } from '../../src/index.js';

const PASSWORD = 'Pools!23456';
const ENG = { value: 'F01898AD8DD3', type: 'ETHERNET' };
const LAPTOP = { value: '5E00A4F17201', type: 'ETHERNET' };
const KIOSK = { value: 'kiosk-1', type: 'STRING' };

let emu: RunningEmulator;
let client: LicenseServerClient;
let now = Date.parse('2026-03-01T10:00:00Z');

interface FeatureInput {
  featureId: string;
  name: string;
  version?: string;
  count?: number;
  uncounted?: boolean;
  expiry?: string;
  vendorString?: string;
}

function resetFeatures(features: FeatureInput[]): void {
  const db = emu.context.db;
  db.transaction(() => {
    db.prepare('DELETE FROM clients').run();
    db.prepare('DELETE FROM features').run();
    const insert = db.prepare(
      `INSERT INTO features (feature_id, name, version, count, uncounted, expiry, vendor_string, received_time)
       VALUES (@featureId, @name, @version, @count, @uncounted, @expiry, @vendorString, @now)`,
    );
    for (const f of features) {
      insert.run({ version: '1.0', count: 0, expiry: 'permanent', vendorString: '', ...f, uncounted: f.uncounted ? 1 : 0, now });
    }
  })();
  emu.context.licensing.invalidate();
}

async function request(hostId: { value: string; type: string }, count: number, extra: Record<string, unknown> = {}) {
  return client.licensing.request({ hostId, features: [{ featureName: 'f1', featureVersion: '1.0', count }], ...extra });
}

async function pools() {
  return (await client.pools.list()).map((p) => ({
    name: p.name,
    default: p.default,
    features: p.features.map((f) => `${f.featureId} ${f.allocated}/${f.used} ${f.status}`),
  }));
}

async function useModel(text: string): Promise<void> {
  now += 60_000;
  await client.model.upload(text);
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, memory: true, validateResponses: true, secure: true, adminPassword: PASSWORD, expiryTimer: false, clock: () => now });
  client = createLicenseServerClient({ server: emu.url });
  await client.login('admin', PASSWORD);
});

afterAll(async () => {
  await emu?.close();
});

beforeEach(async () => {
  now += 60_000;
  await client.model.delete();
  resetFeatures([
    { featureId: 'FID-A', name: 'f1', count: 5 },
    { featureId: 'FID-OLD', name: 'f1', count: 3, expiry: '2025-01-01' },
  ]);
});

describe('license pools', () => {
  it('lists only the default pool without a model, holding every count', async () => {
    await request(LAPTOP, 2);
    expect(await pools()).toEqual([{ name: 'default', default: true, features: ['FID-A 5/2 OK', 'FID-OLD 3/0 EXPIRED'] }]);
  });

  it('fills a named pool from the devices its rule names, and the default pool from the rest', async () => {
    await useModel(`model "m" {
  partitions { partition "eng" { "f1" 1.0 2 } }
  on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept }
  on any() { use "default" accept }
}`);
    expect(await pools()).toEqual([
      { name: 'eng', default: false, features: ['FID-A 2/0 OK'] },
      { name: 'default', default: true, features: ['FID-A 3/0 OK', 'FID-OLD 0/0 EXPIRED'] },
    ]);

    expect((await request(ENG, 2)).features).toEqual([expect.objectContaining({ featureId: 'FID-A', count: 2 })]);
    // The eng device may only use eng, which is now exhausted.
    const more = await request(ENG, 3);
    expect(more.features[0]?.count).toBe(2);
    expect(more.denied).toEqual([expect.objectContaining({ featureName: 'f1', requested: 3 })]);
    // Everyone else gets the three default counts, no more.
    expect((await request(LAPTOP, 3)).features[0]?.count).toBe(3);
    expect((await request(KIOSK, 1)).denied).toHaveLength(1);

    expect(await pools()).toEqual([
      { name: 'eng', default: false, features: ['FID-A 2/2 EXHAUSTED'] },
      { name: 'default', default: true, features: ['FID-A 3/3 EXHAUSTED', 'FID-OLD 0/0 EXPIRED'] },
    ]);
  });

  it('denies with a reason when a rule says deny', async () => {
    await useModel('model "block" {\n  on hostid("kiosk-1") { deny }\n}\n');
    const denied = await request(KIOSK, 1);
    expect(denied.features).toEqual([]);
    expect(denied.denied[0]?.reason).toMatch(/rules of access/);
    expect((await request(LAPTOP, 1)).features[0]?.count).toBe(1);
  });

  it('draws from every pool a continue rule collected, in order', async () => {
    await useModel(`model "m" {
  partitions { partition "eng" { "f1" 1.0 1 } }
  on dictionary("dept":"eng") { use "eng" continue }
  on any() { use "default" accept }
}`);
    await request(LAPTOP, 3, { dictionary: { dept: 'eng' } });
    expect(await pools()).toEqual([
      { name: 'eng', default: false, features: ['FID-A 1/1 EXHAUSTED'] },
      { name: 'default', default: true, features: ['FID-A 4/2 OK', 'FID-OLD 0/0 EXPIRED'] },
    ]);
  });

  it('shares out percentages and the remainder, and reports a pool the server cannot fill as SHORT', async () => {
    resetFeatures([
      { featureId: 'FID-A', name: 'f1', count: 10 },
      { featureId: 'FID-U', name: 'f2', uncounted: true },
      { featureId: 'FID-G', name: 'f3', count: 1 },
    ]);
    await useModel(`model "shares" {
  partitions {
    partition "p1" { "f1" 1.0 30% "f2" 1.0 1 }
    partition "p2" { "f1" 1.0 remainder "f3" 1.0 4 }
  }
  on any() { use "p1", "p2" accept }
}`);
    const list = await client.pools.list();
    expect(list.map((p) => p.name)).toEqual(['p1', 'p2', 'default']);
    expect(list[0]!.features).toEqual([
      expect.objectContaining({ featureId: 'FID-A', allocated: 3, status: 'OK' }),
      expect.objectContaining({ featureId: 'FID-U', allocated: 0, uncounted: true, status: 'OK' }),
    ]);
    expect(list[1]!.features.map((f) => [f.featureId, f.allocated, f.status])).toEqual([
      ['FID-A', 7, 'OK'],
      ['FID-G', 1, 'SHORT'],
    ]);
    expect(list[2]!.features.map((f) => f.featureId)).toEqual(['FID-U']);
  });

  it('books holdings of a pool the model drops to the default pool', async () => {
    await useModel(`model "m" {
  partitions { partition "eng" { "f1" 1.0 2 } }
  on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept }
}`);
    await request(ENG, 2);
    await client.model.delete();
    expect(await pools()).toEqual([{ name: 'default', default: true, features: ['FID-A 5/2 OK', 'FID-OLD 3/0 EXPIRED'] }]);
    expect((await request(LAPTOP, 3)).features[0]?.count).toBe(3);
    expect((await request(KIOSK, 1)).denied).toHaveLength(1);
  });

  it('pages with X-Total-Count', async () => {
    await useModel(`model "m" {
  partitions { partition "eng" { "f1" 1.0 2 } }
  on any() { use "eng", "default" accept }
}`);
    expect(await fetchPage()).toEqual({ total: '2', names: ['default'] });
  });
});

async function fetchPage(): Promise<{ total: string | null; names: string[] }> {
  const { data, response } = await client.raw.GET('/licensepools', { params: { query: { pageSize: 1, pageNumber: 2 } } });
  return { total: response.headers.get('x-total-count'), names: (data ?? []).map((p) => p.name) };
}
