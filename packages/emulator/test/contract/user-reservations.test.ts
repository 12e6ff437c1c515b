import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClientLicenseRequest } from '@licensedesk/sdk';
import { call, startTestServer, type TestServer } from '../support/server.js';

// User-based reservations: a USER host id reserves counts for a user; a device asking with that
// `userId` may take them, and the counts it takes are bound to it.

let server: TestServer;
let f1: number;
let f2: number;

const USER = 'jdoe';
const hold = (r: { features: { featureName: string; count: number }[] }) => r.features.map((f) => [f.featureName, f.count]);
const ask = (value: string, extra: Partial<ClientLicenseRequest> = {}) =>
  server.anonymous().licensing.request({ hostId: { value, type: 'STRING' }, ...extra });
const f1Line = (count: number) => ({ featureName: 'f1', featureVersion: '1.0', count });

async function reservedCountOf(recordId: number, clientId: number): Promise<number | undefined> {
  const usage = await server.admin.features.clients(recordId).all();
  return usage.find((u) => u.client.id === clientId)?.reservedCount;
}

async function clear(): Promise<void> {
  for (const g of await server.admin.reservations.list().all()) await server.admin.reservations.delete(g.id);
  for (const d of await server.admin.devices.list().all()) await server.admin.devices.drop(d.id);
}

beforeAll(async () => {
  server = await startTestServer();
  [f1, f2] = server.addFeatures(
    { featureId: 'f1-a', name: 'f1', version: '1.0', count: 5 },
    { featureId: 'f2-a', name: 'f2', version: '1.0', count: 3 },
  ) as [number, number];
});
afterAll(async () => server?.close());
beforeEach(clear);

describe('user-based reservations', () => {
  it('binds a user’s reserved counts to the device that asked first, and frees them when it is dropped', async () => {
    const [g] = await server.admin.reservations.create({
      name: 'users',
      reservations: [{ hostId: { value: USER, type: 'USER' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 2 }] }],
    });

    // Device A asks for nothing on behalf of jdoe: it gets everything reserved for the user.
    const a = await ask('DEV-A', { userId: USER });
    expect(a.denied).toEqual([]);
    expect(hold(a)).toEqual([['f1', 2]]);
    expect(await reservedCountOf(f1, a.clientId)).toBe(2);
    expect(await server.admin.features.get(f1)).toMatchObject({ used: 2, reserved: 2, assignedReserved: 2, unassignedReserved: 0, sharedUsed: 0 });
    // Asking again changes nothing.
    expect(hold(await ask('DEV-A', { userId: USER }))).toEqual([['f1', 2]]);

    // Device B of the same user finds nothing reserved left...
    const b = await ask('DEV-B', { userId: USER });
    expect(b.features).toEqual([]);
    expect(b.denied).toEqual([]);
    // ...and gets shared counts only when it asks for them.
    const bShared = await ask('DEV-B', { userId: USER, features: [f1Line(1)] });
    expect(bShared.denied).toEqual([]);
    expect(hold(bShared)).toEqual([['f1', 1]]);
    expect(await reservedCountOf(f1, b.clientId)).toBe(0);
    expect(await server.admin.features.get(f1)).toMatchObject({ used: 3, reserved: 2, assignedReserved: 2, unassignedReserved: 0, sharedUsed: 1 });
    // The shared counts are 5 - 2 reserved; B cannot reach past them into the user's reservation.
    const bMore = await ask('DEV-B', { userId: USER, features: [f1Line(4)] });
    expect(bMore.denied).toEqual([expect.objectContaining({ featureName: 'f1', requested: 4 })]);
    expect(hold(bMore)).toEqual([['f1', 1]]);
    await ask('DEV-B', { userId: USER, features: [f1Line(0)] });

    // Device C asks without a user: no reserved counts.
    const c = await ask('DEV-C');
    expect(c.features).toEqual([]);
    const cShared = await ask('DEV-C', { features: [f1Line(1)] });
    expect(hold(cShared)).toEqual([['f1', 1]]);
    expect(await reservedCountOf(f1, c.clientId)).toBe(0);
    await ask('DEV-C', { features: [f1Line(0)] });

    // The entry stays satisfiable while its counts are held.
    expect((await server.admin.reservations.get(g!.id)).reservations[0]!.reservationEntries[0]!.state).toBe('SATISFIABLE');
    expect(server.emu.context.licensing.verifyConsistency()).toEqual([]);

    // Dropping A frees the user's reservation for B.
    await server.admin.devices.drop(a.clientId);
    expect(await server.admin.features.get(f1)).toMatchObject({ used: 0, reserved: 2, assignedReserved: 0, unassignedReserved: 2 });
    const bAfter = await ask('DEV-B', { userId: USER });
    expect(hold(bAfter)).toEqual([['f1', 2]]);
    expect(await reservedCountOf(f1, bAfter.clientId)).toBe(2);
    expect(await server.admin.features.get(f1)).toMatchObject({ used: 2, assignedReserved: 2, unassignedReserved: 0, sharedUsed: 0 });
    expect(server.emu.context.licensing.verifyConsistency()).toEqual([]);
  });

  it('returns the device’s and its user’s reservations for a request without features, the device’s first', async () => {
    await server.admin.reservations.create({
      name: 'mixed',
      reservations: [
        {
          hostId: { value: 'DEV-D', type: 'STRING' },
          reservationEntries: [
            { featureName: 'f1', featureVersion: '1.0', featureCount: 1 },
            { featureName: 'f2', featureVersion: '1.0', featureCount: 1 },
          ],
        },
        { hostId: { value: USER, type: 'USER' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 2 }] },
      ],
    });

    // Without its user, D gets only its own reservations.
    expect(hold(await ask('DEV-D'))).toEqual([
      ['f1', 1],
      ['f2', 1],
    ]);
    const d = await ask('DEV-D', { userId: USER });
    expect(d.denied).toEqual([]);
    expect(hold(d)).toEqual([
      ['f1', 3],
      ['f2', 1],
    ]);
    expect(await reservedCountOf(f1, d.clientId)).toBe(3);
    expect(await server.admin.features.get(f1)).toMatchObject({ used: 3, reserved: 3, assignedReserved: 3, unassignedReserved: 0, sharedUsed: 0 });
    expect(await server.admin.features.get(f2)).toMatchObject({ used: 1, reserved: 1, assignedReserved: 1, unassignedReserved: 0 });

    // Another device of the user finds the user's counts taken.
    expect((await ask('DEV-E', { userId: USER })).features).toEqual([]);

    // D keeps one f1: it returns the user's counts (taken after its own), which E can then use.
    const dLess = await ask('DEV-D', { userId: USER, features: [f1Line(1)] });
    expect(hold(dLess)).toEqual([
      ['f1', 1],
      ['f2', 1],
    ]);
    const e = await ask('DEV-E', { userId: USER });
    expect(hold(e)).toEqual([['f1', 2]]);
    expect(await reservedCountOf(f1, e.clientId)).toBe(2);
    expect(await server.admin.features.get(f1)).toMatchObject({ used: 3, reserved: 3, assignedReserved: 3, unassignedReserved: 0 });

    // An explicit request draws on the device's reservation, then the user's, then shared counts.
    await ask('DEV-E', { userId: USER, features: [f1Line(0)] });
    await ask('DEV-D', { userId: USER, features: [f1Line(0)] });
    const dAll = await ask('DEV-D', { userId: USER, features: [f1Line(4)] });
    expect(hold(dAll)).toEqual([
      ['f1', 4],
      ['f2', 1],
    ]);
    expect(await reservedCountOf(f1, dAll.clientId)).toBe(3);
    expect(await server.admin.features.get(f1)).toMatchObject({ used: 4, reserved: 3, assignedReserved: 3, unassignedReserved: 0, sharedUsed: 1 });
    expect(server.emu.context.licensing.verifyConsistency()).toEqual([]);
  });

  it('rejects a userId that is not a string', async () => {
    const bad = await call(`${server.base}/request`, { method: 'POST', body: { hostId: { value: 'x', type: 'STRING' }, userId: 7 } });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toContainEqual({ path: '$.userId', message: 'must be string' });
  });
});
