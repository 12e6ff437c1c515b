import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenseServerClient } from '@licensedesk/sdk';
import { call, flags, rejection, startTestServer, type TestServer } from '../support/server.js';

const DAY = 86_400_000;
const dateIn = (server: TestServer, ms: number) => new Date(server.clock.now() + ms).toISOString().slice(0, 10);

describe('features', () => {
  let server: TestServer;
  let ids: number[];

  beforeAll(async () => {
    server = await startTestServer();
    ids = server.addFeatures(
      { featureId: 'A', name: 'f1', version: '1.0', count: 5, expiry: 'permanent', activationId: 'ACT-A', vendorString: 'Zoë Ω' },
      { featureId: 'B', name: 'f1', version: '1.0', count: 2, expiry: dateIn(server, 30 * DAY), activationId: 'ACT-B' },
      { featureId: 'C', name: 'f1', version: '2.0', count: 1 },
      { featureId: 'D', name: 'f10', version: '1.0', count: 1, expiry: dateIn(server, -2 * DAY) },
      { featureId: 'E', name: 'later', version: '1.0', count: 1, starts: dateIn(server, 5 * DAY) },
      { featureId: 'F', name: 'quote', version: '1.0', count: 1, vendorString: 'a"b\\c', selectors: { edition: 'pro' } },
    );
  });
  afterAll(async () => server?.close());

  it('lists every record with its fields, several per name and version (C09)', async () => {
    const features = await server.admin.features.list().all();
    expect(features.map((f) => f.id)).toEqual(ids);
    const a = features[0]!;
    expect(a).toMatchObject({
      featureId: 'A',
      featureName: 'f1',
      featureVersion: '1.0',
      featureCount: 5,
      used: 0,
      reserved: 0,
      expiry: 'permanent',
      vendorString: 'Zoë Ω',
      activationId: 'ACT-A',
      uncounted: false,
      metered: false,
    });
    expect(features[5]!.vendorString).toBe('a"b\\c');
    expect(features[5]!.selectors).toEqual({ edition: 'pro' });
  });

  it('filters by exact feature name and by activeOnly', async () => {
    expect((await server.admin.features.list({ featureName: 'f1' }).all()).map((f) => f.featureId)).toEqual(['A', 'B', 'C']);
    expect(await server.admin.features.list({ featureName: 'f' }).all()).toEqual([]);
    const active = await server.admin.features.list({ activeOnly: true }).all();
    expect(active.map((f) => f.featureId)).toEqual(['A', 'B', 'C', 'F']);
  });

  it('pages with X-Total-Count in stable id order', async () => {
    const token = (await call(`${server.base}/authorize`, { method: 'POST', body: { user: 'admin', password: 'Adm1n!pass' } })).json.token;
    const page = await call(`${server.base}/features?pageSize=2&pageNumber=2`, { token });
    expect(page.headers.get('x-total-count')).toBe('6');
    expect(page.json.map((f: { id: number }) => f.id)).toEqual(ids.slice(2, 4));
    const past = await call(`${server.base}/features?pageSize=2&pageNumber=9`, { token });
    expect(past.json).toEqual([]);
    const bad = await call(`${server.base}/features?pageNumber=0`, { token });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toContainEqual({ path: 'pageNumber', message: 'must be >= 1' });
  });

  it('answers 404 for an unknown record and 400 for a non-numeric id', async () => {
    expect((await rejection(server.admin.features.get(999))).status).toBe(404);
    const token = (await call(`${server.base}/authorize`, { method: 'POST', body: { user: 'admin', password: 'Adm1n!pass' } })).json.token;
    const r = await call(`${server.base}/features/abc`, { token });
    expect(r.status).toBe(400);
    expect(r.json.details[0].path).toBe('id');
    expect((await rejection(server.admin.features.clients(999).all())).status).toBe(404);
  });
});

describe('device licensing', () => {
  let server: TestServer;
  let device: LicenseServerClient;
  let f1v1: number;
  let f1v1b: number;
  let f1v2: number;
  let unc: number;
  let od: number;
  let meter: number;
  let reuse: number;

  beforeAll(async () => {
    server = await startTestServer();
    [f1v1, f1v1b, f1v2, unc, od, meter, reuse] = server.addFeatures(
      { featureId: 'f1-a', name: 'f1', version: '1.0', count: 2, borrowInterval: 3_600 },
      { featureId: 'f1-b', name: 'f1', version: '1.5', count: 1, expiry: dateIn(server, 2 * DAY) },
      { featureId: 'f1-c', name: 'f1', version: '2.0', count: 2 },
      { featureId: 'u', name: 'viewer', version: '1.0', uncounted: true },
      { featureId: 'o', name: 'od', version: '1.0', count: 1, overdraft: 1 },
      { featureId: 'm', name: 'meter', version: '1.0', count: 10, metered: true, meteredUndoInterval: 60, expiry: dateIn(server, 10 * DAY) },
      { featureId: 'r', name: 'reuse', version: '1.0', count: 10, metered: true, meteredReusable: true },
    ) as [number, number, number, number, number, number, number];
    device = server.anonymous();
  });
  afterAll(async () => server?.close());

  const ask = (value: string, features: { featureName: string; featureVersion: string; count: number }[], extra = {}) =>
    device.licensing.request({ hostId: { value, type: 'STRING' }, features, ...extra });

  it('grants from the lowest satisfying version first and combines versions for one request (>= rule)', async () => {
    const r = await ask('dev-1', [{ featureName: 'f1', featureVersion: '1.0', count: 4 }], { alias: 'build-agent', machineType: 'PHYSICAL' });
    expect(r.denied).toEqual([]);
    expect(r.features.map((f) => [f.featureId, f.count])).toEqual([
      ['f1-a', 2],
      ['f1-b', 1],
      ['f1-c', 1],
    ]);
    const usage = await server.admin.features.get(f1v2);
    expect(usage.used).toBe(1);
    // A request for 2.0 can only use the 2.0 line: one count left there.
    const r2 = await ask('dev-2', [{ featureName: 'f1', featureVersion: '2.0', count: 2 }]);
    expect(r2.features).toEqual([]);
    expect(r2.denied).toEqual([expect.objectContaining({ featureName: 'f1', featureVersion: '2.0', requested: 2 })]);
    const r3 = await ask('dev-2', [{ featureName: 'f1', featureVersion: '2.0', count: 1 }]);
    expect(r3.features.map((f) => f.featureId)).toEqual(['f1-c']);
  });

  it('treats the count as what the device holds afterwards; 0 returns (C28 returns)', async () => {
    const lower = await ask('dev-1', [{ featureName: 'f1', featureVersion: '1.0', count: 1 }]);
    expect(lower.features.reduce((n, f) => n + f.count, 0)).toBe(1);
    const back = await ask('dev-1', [{ featureName: 'f1', featureVersion: '1.0', count: 0 }]);
    expect(back.features).toEqual([]);
    for (const id of [f1v1, f1v1b]) expect((await server.admin.features.get(id)).used).toBe(0);
    expect((await server.admin.features.get(f1v2)).used).toBe(1);
  });

  it('denies unknown features and invalid requests with the failing field', async () => {
    const r = await ask('dev-3', [{ featureName: 'nope', featureVersion: '1.0', count: 1 }]);
    expect(r.denied[0]!.reason).toMatch(/not installed/);
    const bad = await call(`${server.base}/request`, {
      method: 'POST',
      body: { hostId: { value: 'x', type: 'STRING' }, features: [{ featureName: 'f1', featureVersion: '1.0', count: '1' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toContainEqual({ path: '$.features[0].count', message: 'must be integer' });
    const noHost = await call(`${server.base}/request`, { method: 'POST', body: { features: [] } });
    expect(noHost.json.details).toContainEqual({ path: '$.hostId', message: 'is required' });
  });

  it('serves uncounted features without limit and uses overdraft only after the count', async () => {
    const r = await ask('dev-4', [
      { featureName: 'viewer', featureVersion: '1.0', count: 1000 },
      { featureName: 'od', featureVersion: '1.0', count: 2 },
    ]);
    expect(r.denied).toEqual([]);
    expect((await server.admin.features.get(unc)).used).toBe(1000);
    const odFeature = await server.admin.features.get(od);
    expect(odFeature).toMatchObject({ used: 2, overdraftCount: 1, overdraftUsedCount: 1 });
    const over = await ask('dev-5', [{ featureName: 'od', featureVersion: '1.0', count: 1 }]);
    expect(over.denied).toHaveLength(1);
  });

  it('keeps metered counts that are not reusable once the undo interval passed, and returns reusable ones', async () => {
    await ask('dev-6', [
      { featureName: 'meter', featureVersion: '1.0', count: 3 },
      { featureName: 'reuse', featureVersion: '1.0', count: 3 },
    ]);
    server.clock.advance(61_000);
    const r = await ask('dev-6', [
      { featureName: 'meter', featureVersion: '1.0', count: 0 },
      { featureName: 'reuse', featureVersion: '1.0', count: 0 },
    ]);
    expect(r.denied).toEqual([expect.objectContaining({ featureName: 'meter' })]);
    expect((await server.admin.features.get(meter)).used).toBe(3);
    expect((await server.admin.features.get(reuse)).used).toBe(0);
    // Metered holds run to the feature's final expiry, not a borrow interval.
    const detail = await server.admin.devices.get(r.clientId);
    const held = detail.features.find((f) => f.featureName === 'meter')!;
    expect(held.borrowExpiry?.slice(0, 10)).toBe(dateIn(server, 10 * DAY));
  });

  it('sets the borrow expiry from the smallest of the feature, server and administrator intervals, never past the feature expiry', async () => {
    const now = server.clock.now();
    const a = await ask('dev-7', [{ featureName: 'f1', featureVersion: '1.0', count: 1 }]);
    // f1-a has a 1 h borrow interval; the server default is 1 w.
    expect(Date.parse(a.features[0]!.borrowExpiry!) - now).toBeGreaterThanOrEqual(3_600_000 - 1_000);
    expect(Date.parse(a.features[0]!.borrowExpiry!) - now).toBeLessThanOrEqual(3_600_000 + 1_000);
    await server.admin.settings.update({ 'licensing.borrowIntervalMax': '10m' });
    const b = await ask('dev-7', [{ featureName: 'f1', featureVersion: '1.0', count: 1 }]);
    expect(Date.parse(b.features[0]!.borrowExpiry!) - server.clock.now()).toBeLessThanOrEqual(600_000 + 1_000);
    await server.admin.settings.update({ 'licensing.borrowIntervalMax': '4w' });
    // f1-b (1.5) expires in 2 days; with the 1 w server interval its hold ends at the feature expiry.
    await ask('dev-7', [{ featureName: 'f1', featureVersion: '1.5', count: 1 }]);
    const detail = await server.admin.devices.get(a.clientId);
    const onB = detail.features.find((f) => f.featureId === 'f1-b')!;
    expect(Date.parse(onB.borrowExpiry!)).toBeLessThanOrEqual(Date.parse(`${dateIn(server, 2 * DAY)}T23:59:59.999Z`));
    await ask('dev-7', [{ featureName: 'f1', featureVersion: '1.0', count: 0 }]);
  });

  it('lists devices, shows a device with what it consumes and lets ROLE_DROPCLIENT drop it', async () => {
    const r = await ask('dev-drop', [{ featureName: 'f1', featureVersion: '2.0', count: 1 }], { alias: 'Zoë’s laptop', machineType: 'VIRTUAL' });
    const devices = await server.admin.devices.list().all();
    expect(devices.map((d) => d.id)).toEqual([...devices.map((d) => d.id)].sort((a, b) => a - b));
    const detail = await server.admin.devices.get(r.clientId);
    expect(detail).toMatchObject({
      hostid: { hostidValue: 'dev-drop', hostidType: 'STRING' },
      alias: 'Zoë’s laptop',
      machineType: 'VIRTUAL',
      servedStatus: 'NORMAL',
    });
    expect(detail.features).toEqual([
      expect.objectContaining({ featureId: 'f1-c', featureName: 'f1', featureVersion: '2.0', used: 1, expiry: 'permanent' }),
    ]);
    expect(detail.expiry).toBe(detail.features[0]!.borrowExpiry);
    const users = await server.admin.features.clients(f1v2).all();
    expect(users.some((u) => u.client.id === r.clientId && u.useCount === 1)).toBe(true);

    await server.admin.users.create({ name: 'reader', password: 'Read!er123', roles: ['ROLE_READ'] });
    const reader = await server.login('reader', 'Read!er123');
    expect((await rejection(reader.devices.drop(r.clientId))).status).toBe(403);
    const before = (await server.admin.features.get(f1v2)).used;
    await server.admin.devices.drop(r.clientId);
    expect((await server.admin.features.get(f1v2)).used).toBe(before - 1);
    expect((await rejection(server.admin.devices.get(r.clientId))).status).toBe(404);
    expect((await rejection(server.admin.devices.drop(r.clientId))).status).toBe(404);
    expect(server.emu.context.licensing.verifyConsistency()).toEqual([]);
  });

  it('flags a known host id arriving with a new session as a suspected duplicate (C28)', async () => {
    const first = await ask('HOST-A', [{ featureName: 'viewer', featureVersion: '1.0', count: 1 }], { correlationId: 'session-1' });
    expect(flags(await server.admin.devices.get(first.clientId)).suspectedDuplicate).toBe(false);
    await ask('HOST-A', [{ featureName: 'viewer', featureVersion: '1.0', count: 1 }], { correlationId: 'session-1' });
    expect(flags(await server.admin.devices.get(first.clientId)).suspectedDuplicate).toBe(false);
    const again = await ask('HOST-A', [{ featureName: 'viewer', featureVersion: '1.0', count: 1 }], { correlationId: 'session-2' });
    expect(again.clientId).toBe(first.clientId);
    const detail = await server.admin.devices.get(first.clientId);
    expect(detail).toMatchObject({ suspectedDuplicate: true, correlationId: 'session-2', previousCorrelationId: 'session-1' });
  });
});

describe('expiry timer (C28)', () => {
  it('keeps an expired borrow counted until the timer runs, shows it as pending reclaim, then returns it', async () => {
    const server = await startTestServer();
    try {
      const [f1] = server.addFeatures({ name: 'f1', version: '1.0', count: 1, borrowInterval: 60 });
      await server.admin.settings.update({ 'licensing.clientExpiryTimer': '300s' });
      const r = await server.anonymous().licensing.request({
        hostId: { value: 'HOST-A', type: 'STRING' },
        features: [{ featureName: 'f1', featureVersion: '1.0', count: 1 }],
      });
      expect(Date.parse(r.features[0]!.borrowExpiry!) - server.clock.now()).toBeLessThanOrEqual(60_000);
      server.clock.advance(61_000);
      expect((await server.admin.features.get(f1!)).used).toBe(1);
      const device = await server.admin.devices.get(r.clientId);
      expect(flags(device).pendingReclaim).toBe(true);
      expect(server.emu.context.licensing.reclaimExpired()).toBe(1);
      expect((await server.admin.features.get(f1!)).used).toBe(0);
      const after = await server.admin.devices.get(r.clientId);
      expect(after).toMatchObject({ pendingReclaim: false, servedStatus: 'INACTIVE', features: [] });
    } finally {
      await server.close();
    }
  });

  it('runs on its own at the licensing.clientExpiryTimer interval', async () => {
    const server = await startTestServer({ expiryTimer: true, settings: { 'licensing.clientExpiryTimer': '1s' } });
    try {
      const [f1] = server.addFeatures({ name: 'f1', version: '1.0', count: 1, borrowInterval: 1 });
      await server.anonymous().licensing.request({
        hostId: { value: 'HOST-T', type: 'STRING' },
        features: [{ featureName: 'f1', featureVersion: '1.0', count: 1 }],
      });
      expect((await server.admin.features.get(f1!)).used).toBe(1);
      await new Promise((r) => setTimeout(r, 2_600));
      expect((await server.admin.features.get(f1!)).used).toBe(0);
    } finally {
      await server.close();
    }
  });
});
