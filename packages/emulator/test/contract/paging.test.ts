import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, call, startTestServer, tokenFor, type TestServer } from '../support/server.js';

describe('paging devices (C27)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    server.addFeatures({ name: 'viewer', version: '1.0', uncounted: true });
    const licensing = server.emu.context.licensing;
    for (let i = 0; i < 12_000; i++) {
      licensing.request({
        hostId: { value: `HOST-${i}`, type: 'STRING' },
        features: [{ featureName: 'viewer', featureVersion: '1.0', count: 1 }],
      });
    }
  }, 120_000);
  afterAll(async () => server?.close());

  it('yields each of 12,000 devices exactly once at page size 500 while 50 new ones arrive mid-iteration', async () => {
    const seen = new Map<string, number>();
    let pages = 0;
    for await (const page of server.admin.devices.list({}, { pageSize: 500 }).pages()) {
      pages++;
      for (const device of page.items) seen.set(device.hostid.hostidValue, (seen.get(device.hostid.hostidValue) ?? 0) + 1);
      if (pages === 3) {
        for (let i = 0; i < 50; i++) {
          server.emu.context.licensing.request({
            hostId: { value: `NEW-${i}`, type: 'STRING' },
            features: [{ featureName: 'viewer', featureVersion: '1.0', count: 1 }],
          });
        }
      }
    }
    for (let i = 0; i < 12_000; i++) expect(seen.get(`HOST-${i}`), `HOST-${i}`).toBe(1);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(24);
  });

  it('filters by host id prefix on the server', async () => {
    const urls: string[] = [];
    const { createLicenseServerClient } = await import('@licensedesk/sdk');
    const client = createLicenseServerClient({
      server: server.emu.url,
      credentials: { user: 'admin', password: ADMIN_PASSWORD },
      fetch: (input, init) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      },
    });
    const devices = await client.devices.list({ hostid: 'HOST-1*' }, { pageSize: 500 }).all();
    // HOST-1, HOST-10..19, HOST-100..199, HOST-1000..1999, HOST-10000..11999
    expect(devices).toHaveLength(1 + 10 + 100 + 1000 + 2000);
    expect(devices.every((d) => d.hostid.hostidValue.startsWith('HOST-1'))).toBe(true);
    expect(urls.some((u) => u.includes('hostid=HOST-1*') || u.includes('hostid=HOST-1%2A'))).toBe(true);
    const token = await tokenFor(server.base, 'admin', ADMIN_PASSWORD);
    const exact = await call(`${server.base}/clients?hostid=HOST-42`, { token });
    expect(exact.json.map((d: { hostid: { hostidValue: string } }) => d.hostid.hostidValue)).toEqual(['HOST-42']);
    expect(exact.headers.get('x-total-count')).toBe('1');
  });
});

describe('paging a large device list', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    const [viewer] = server.addFeatures({ name: 'viewer', version: '1.0', uncounted: true });
    const { db, clock } = server.emu.context;
    const now = clock.now();
    db.transaction(() => {
      const client = db.prepare(
        `INSERT INTO clients (hostid_key, hostid_value, hostid_type, request_hostid_value, request_hostid_type, machine_type, created_at, update_time)
         VALUES (?, ?, 'STRING', ?, 'STRING', 'PHYSICAL', ?, ?)`,
      );
      const grant = db.prepare('INSERT INTO grants (client_id, feature_id, count, pool, granted_at, borrow_expiry) VALUES (?, ?, 1, ?, ?, ?)');
      for (let i = 0; i < 100_000; i++) {
        const value = `DEV-${String(i).padStart(6, '0')}`;
        const id = Number(client.run(`STRING\u0000${value}`, value, value, now, now).lastInsertRowid);
        grant.run(id, viewer, 'default', now, now + 3_600_000);
      }
    })();
    server.emu.context.licensing.invalidate();
  }, 120_000);
  afterAll(async () => server?.close());

  // Page latency at this size is measured by `pnpm bench`; this checks the pages themselves.
  it('pages 100,000 devices by id, with and without a prefix filter', async () => {
    const token = await tokenFor(server.base, 'admin', ADMIN_PASSWORD);
    const values = async (query: string) => {
      const page = await call(`${server.base}/clients?${query}`, { token });
      expect(page.status).toBe(200);
      return { total: page.headers.get('x-total-count'), ids: (page.json as Array<{ hostid: { hostidValue: string } }>).map((c) => c.hostid.hostidValue) };
    };
    const dev = (i: number) => `DEV-${String(i).padStart(6, '0')}`;
    const first = await values('pageSize=50&pageNumber=1');
    expect(first.total).toBe('100000');
    expect(first.ids).toEqual(Array.from({ length: 50 }, (_, i) => dev(i)));
    expect((await values('pageSize=50&pageNumber=1000')).ids).toEqual(Array.from({ length: 50 }, (_, i) => dev(49_950 + i)));
    expect((await values('pageSize=50&pageNumber=2000')).ids).toEqual(Array.from({ length: 50 }, (_, i) => dev(99_950 + i)));
    const filtered = await values('hostid=DEV-05*&pageSize=50&pageNumber=3');
    expect(filtered.total).toBe('10000');
    expect(filtered.ids).toEqual(Array.from({ length: 50 }, (_, i) => dev(50_100 + i)));
  });
});
