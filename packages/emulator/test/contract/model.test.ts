import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLicenseServerClient, type LicenseServerClient } from '@licensedesk/sdk';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { rejection } from '../support/server.js';

const PASSWORD = 'Model!23456';
const API = '/api/1.0/instances/~';

let emu: RunningEmulator;
let client: LicenseServerClient;
let token: string;
let now = Date.parse('2026-03-01T10:00:00Z');

const ENGINEERING = `model "example" {
  partitions {
    partition "eng" {
      "f1" 1.0 2
    }
  }
  on hostid("F01898AD8DD3/ETHERNET") {
    use "eng"
    accept
  }
  on any() {
    use "default"
    accept
  }
}
`;

/** Moves the emulator's clock past any upload lock. */
function unlock(): void {
  now += 60_000;
}

async function putModel(text: string): Promise<Response> {
  return fetch(`${emu.url}${API}/model`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain; charset=utf-8' },
    body: text,
  });
}

beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    memory: true,
    validateResponses: true,
    secure: true,
    adminPassword: PASSWORD,
    expiryTimer: false,
    clock: () => now,
  });
  client = createLicenseServerClient({ server: emu.url });
  await client.login('admin', PASSWORD);
  const auth = await fetch(`${emu.url}${API}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'admin', password: PASSWORD }),
  });
  token = ((await auth.json()) as { token: string }).token;
  emu.context.db
    .prepare("INSERT INTO features (feature_id, name, version, count, received_time) VALUES ('FID-1', 'f1', '1.0', 5, ?)")
    .run(now);
  emu.context.licensing.invalidate();
});

afterAll(async () => {
  await emu?.close();
});

beforeEach(async () => {
  unlock();
  await client.model.delete();
});

describe('model definition', () => {
  it('has none at first: GET is 404 glsErr.noModel and evaluate applies the implicit default', async () => {
    const raw = await fetch(`${emu.url}${API}/model`, { headers: { authorization: `Bearer ${token}` } });
    expect(raw.status).toBe(404);
    expect(((await raw.json()) as { key: string }).key).toBe('glsErr.noModel');
    expect(await client.model.get()).toBeNull();
    expect(await client.model.status()).toEqual({ active: false, lockedUntil: null });
    expect(await client.model.evaluate({ hostId: { value: 'F01898AD8DD3', type: 'ETHERNET' } })).toEqual({
      decision: 'accept',
      pools: ['default'],
      rule: null,
    });
  });

  it('stores an upload and returns it byte for byte', async () => {
    const text = `${ENGINEERING}// Zoë Ω — ünïcödé\r\n`;
    const status = await client.model.upload(text);
    expect(status).toMatchObject({ active: true, name: 'example', size: Buffer.byteLength(text), uploadedAt: new Date(now).toISOString() });
    expect(status.lockedUntil).toBe(new Date(now + 10_000).toISOString());
    const raw = await fetch(`${emu.url}${API}/model`, { headers: { authorization: `Bearer ${token}` } });
    expect(raw.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('locks after an upload: a second upload 100 ms later gets 409 glsErr.modelLocked with Retry-After (C06)', async () => {
    expect((await putModel(ENGINEERING)).status).toBe(200);
    now += 100;
    const second = await putModel(ENGINEERING.replace('example', 'second'));
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toBe('10');
    const body = (await second.json()) as { key: string; arguments: string[] };
    expect(body.key).toBe('glsErr.modelLocked');
    expect(body.arguments).toEqual([new Date(now - 100 + 10_000).toISOString()]);
    expect((await client.model.status()).name).toBe('example');
    now += 10_000;
    expect((await putModel(ENGINEERING.replace('example', 'second'))).status).toBe(200);
  });

  it('follows the lock setting', async () => {
    await client.settings.update({ 'licensing.modelUploadLock': '0s' });
    try {
      await client.model.upload(ENGINEERING);
      expect((await client.model.upload(ENGINEERING)).lockedUntil).toBeNull();
    } finally {
      await client.settings.update({ 'licensing.modelUploadLock': '10s' });
    }
  });

  it('keeps the previous model byte for byte after failed uploads (C06)', async () => {
    await client.model.upload(ENGINEERING);
    unlock();
    const reserved = await rejection(client.model.upload(ENGINEERING.replace('"example"', '"default"')));
    expect(reserved.status).toBe(400);
    expect(reserved.key).toBe('glsErr.invalidModel');
    expect(reserved.details?.[0]).toMatchObject({ line: 1, column: 7 });
    expect(reserved.message).toMatch(/reserved/);

    const big = `${ENGINEERING}${'// padding\n'.repeat(Math.ceil((901 * 1024) / 11))}`;
    const tooLarge = await rejection(client.model.upload(big));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.key).toBe('glsErr.modelTooLarge');
    expect(tooLarge.arguments).toEqual([String(Buffer.byteLength(big)), '921600']);

    expect(await client.model.get()).toBe(ENGINEERING);
    expect((await client.model.status()).name).toBe('example');
  });

  it('rejects a feature listed twice in one pool, pointing at the line (C04)', async () => {
    const text = 'model "m" {\n  partitions {\n    partition "p1" {\n      "f1" 1.0 10\n      "f1" 1.0 5\n    }\n  }\n  on any() { use "p1" accept }\n}\n';
    const error = await rejection(client.model.upload(text));
    expect(error.key).toBe('glsErr.invalidModel');
    expect(error.details).toEqual([expect.objectContaining({ line: 5, column: 7 })]);
    expect(error.arguments[0]).toMatch(/listed twice in pool "p1"/);
    expect(await client.model.get()).toBeNull();
  });

  it('reads bare and quoted names, percentages and remainder, and rejects bad amounts at their line (C05)', async () => {
    const good = [
      'model "c05" {',
      '  partitions {',
      '    partition "a" { f1 1.0 2 }',
      '    partition "b" { "f2" 2 50% }',
      '    partition "c" { "f3" 1.0 remainder }',
      '  }',
      '  on any() { use "a", "b", "c" accept }',
      '}',
    ].join('\n');
    expect((await client.model.upload(good)).name).toBe('c05');
    unlock();
    const over = await rejection(client.model.upload(good.replace('"f2" 2 50%', '"f4" 1.0 101%')));
    expect(over.details?.[0]).toMatchObject({ line: 4 });
    expect(over.message).toMatch(/101%/);
    const unclosed = await rejection(client.model.upload('model "m" {\n  partitions {\n    partition "p" { "f1" 1.0 2 \n  }\n'));
    expect(unclosed.key).toBe('glsErr.invalidModel');
    expect(unclosed.details?.[0]?.line).toBeGreaterThanOrEqual(4);
    expect(await client.model.get()).toBe(good);
  });

  it('dry-runs the rules for a host id (C07)', async () => {
    await client.model.upload(ENGINEERING);
    const exact = await client.model.evaluate({ hostId: { value: 'F01898AD8DD3', type: 'ETHERNET' } });
    expect(exact).toEqual({
      decision: 'accept',
      pools: ['eng'],
      rule: { index: 0, line: 7, column: 3, text: expect.stringContaining('hostid("F01898AD8DD3/ETHERNET")') },
    });
    // Ethernet host ids compare without case, colons or dashes (decisions.md §7).
    expect((await client.model.evaluate({ hostId: { value: 'f0:18:98:ad:8d:d3', type: 'ETHERNET' } })).pools).toEqual(['eng']);
    const other = await client.model.evaluate({ hostId: { value: '5E00A4F17201', type: 'ETHERNET' } });
    expect(other).toMatchObject({ decision: 'accept', pools: ['default'], rule: { index: 1, line: 11 } });
    const denying = 'model "deny" {\n  on hostname("kiosk.example.com") { deny }\n}\n';
    unlock();
    await client.model.upload(denying);
    expect(await client.model.evaluate({ hostId: { value: 'X', type: 'STRING' }, hostName: 'KIOSK.example.com' })).toMatchObject({
      decision: 'deny',
      pools: [],
      rule: { index: 0, line: 2 },
    });
    expect(await client.model.evaluate({ hostId: { value: 'X', type: 'STRING' } })).toEqual({ decision: 'accept', pools: ['default'], rule: null });
  });

  it('deletes: 204, then no model; deleting again is 204 too', async () => {
    await client.model.upload(ENGINEERING);
    const del = await fetch(`${emu.url}${API}/model`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(del.status).toBe(204);
    expect(await client.model.get()).toBeNull();
    await client.model.delete();
    expect((await client.model.status()).active).toBe(false);
  });

  it('needs an administrator to upload and a reader to look', async () => {
    const anonymous = createLicenseServerClient({ server: emu.url });
    expect((await rejection(anonymous.model.upload(ENGINEERING))).status).toBe(401);
    expect((await rejection(anonymous.model.status())).status).toBe(401);
  });
});

describe('models and reservations exclude each other (C03)', () => {
  const group = {
    name: 'support',
    reservations: [{ hostId: { value: 'AA11BB22CC33', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] }],
  };

  it('refuses a model upload while a reservation group exists, changing nothing', async () => {
    const [created] = await client.reservations.create(group);
    try {
      const error = await rejection(client.model.upload(ENGINEERING));
      expect(error.status).toBe(409);
      expect(error.key).toBe('glsErr.reservationsExist');
      expect(error.arguments).toEqual(['1']);
      expect(await client.model.get()).toBeNull();
      expect((await client.reservations.list().all()).map((g) => g.name)).toEqual(['support']);
    } finally {
      await client.reservations.delete(created!.id);
    }
  });

  it('refuses reservation changes while a model with named pools is active', async () => {
    await client.model.upload(ENGINEERING);
    const error = await rejection(client.reservations.create(group));
    expect(error.status).toBe(409);
    expect(error.key).toBe('glsErr.modelActive');
    expect(await client.reservations.list().all()).toEqual([]);
    expect(await client.model.get()).toBe(ENGINEERING);
  });

  it('allows reservations beside a rules-only model', async () => {
    await client.model.upload('model "rules" {\n  on any() { use "default" accept }\n}\n');
    const [created] = await client.reservations.create(group);
    await client.reservations.delete(created!.id);
  });
});
