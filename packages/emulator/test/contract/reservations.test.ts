import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@licensedesk/sdk';
import { ADMIN_PASSWORD, call, rejection, startTestServer, tokenFor, type TestServer } from '../support/server.js';
import { DEFAULT_POOL_PROVIDER } from '../../src/licensing/pools.js';

let server: TestServer;
let token: string;

const group = (name: string | undefined, hosts: [string, string, [string, string, number][]][]) => ({
  ...(name === undefined ? {} : { name }),
  reservations: hosts.map(([value, type, entries]) => ({
    hostId: { value, type },
    reservationEntries: entries.map(([featureName, featureVersion, featureCount]) => ({ featureName, featureVersion, featureCount })),
  })),
});

async function clear(): Promise<void> {
  for (const g of await server.admin.reservations.list().all()) await server.admin.reservations.delete(g.id);
}

beforeAll(async () => {
  server = await startTestServer();
  server.addFeatures(
    { featureId: 'f1-a', name: 'f1', version: '1.0', count: 2 },
    { featureId: 'f2-a', name: 'f2', version: '2.0', count: 5 },
    { featureId: 'f2-b', name: 'f2', version: '3.0', count: 1 },
    { featureId: 'u', name: 'viewer', version: '1.0', uncounted: true },
  );
  token = await tokenFor(server.base, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => server?.close());
beforeEach(clear);

describe('reservation groups', () => {
  it('creates one group, lists it with ids and satisfiable states, gets it and lists its reservations', async () => {
    const [created] = await server.admin.reservations.create(
      group('ops', [
        ['aa:11:bb:22:cc:33', 'ETHERNET', [['f1', '1.0', 1]]],
        ['zoë@example.com', 'USER', [['f2', '2.0', 2], ['viewer', '1.0', 50]]],
      ]),
    );
    expect(created).toMatchObject({
      name: 'ops',
      ipAddress: '127.0.0.1',
      reservations: [
        { hostId: { value: 'aa:11:bb:22:cc:33', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1, state: 'SATISFIABLE' }] },
        { hostId: { value: 'zoë@example.com', type: 'USER' }, reservationEntries: [{ state: 'SATISFIABLE' }, { state: 'SATISFIABLE' }] },
      ],
    });
    expect(await server.admin.reservations.get(created!.id)).toEqual(created);
    expect(await server.admin.reservations.list({ name: 'ops' }).all()).toEqual([created]);
    expect(await server.admin.reservations.list({ name: 'other' }).all()).toEqual([]);
    // The reservations list filters by host id (ETHERNET ignoring case and separators).
    const byHost = await server.admin.reservations.reservations(created!.id, { hostid: 'AA11BB22CC33' }).all();
    expect(byHost.map((r) => r.hostId.value)).toEqual(['aa:11:bb:22:cc:33']);
    expect((await server.admin.features.list({ featureName: 'f2' }).all())[0]).toMatchObject({ reserved: 2, unassignedReserved: 2 });
  });

  it('creates several groups at once, names a group without a name after its id, and answers 404 for unknown ids', async () => {
    const created = await server.admin.reservations.create([
      group('a', [['H1', 'STRING', [['f1', '1.0', 1]]]]),
      group(undefined, [['H2', 'STRING', [['f1', '1.0', 1]]]]),
    ]);
    expect(created.map((g) => g.name)).toEqual(['a', String(created[1]!.id)]);
    expect((await rejection(server.admin.reservations.get(9999))).status).toBe(404);
    expect((await rejection(server.admin.reservations.delete(9999))).status).toBe(404);
    expect((await rejection(server.admin.reservations.reservations(9999).all())).status).toBe(404);
  });

  it('rejects a group needing more counts than are free, whole, naming each short feature with needed vs free (C01)', async () => {
    await server.admin.reservations.create(group('ops', [['0A0B0C0D0E01', 'ETHERNET', [['f1', '1.0', 1]]]]));
    const error = await rejection(
      server.admin.reservations.create(
        group('lab', [
          ['AA11BB22CC33', 'ETHERNET', [['f1', '1.0', 2]]],
          ['LAB-2', 'STRING', [['f2', '3.0', 2], ['viewer', '1.0', 9]]],
        ]),
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.key).toBe('glsErr.insufficientCount');
    expect(error.arguments).toEqual(['lab']);
    expect(error.details).toEqual([
      { path: '$.reservations[0].reservationEntries[0]', message: 'f1 1.0 needs 2, 1 free' },
      { path: '$.reservations[1].reservationEntries[0]', message: 'f2 3.0 needs 2, 1 free' },
    ]);
    expect((await server.admin.reservations.list().all()).map((g) => g.name)).toEqual(['ops']);
  });

  it('counts higher versions as satisfying a reservation and keeps other groups satisfiable', async () => {
    // f2 2.0 x5 and 3.0 x1: a reservation for 2.0 x6 takes both lines.
    await server.admin.reservations.create(group('wide', [['W1', 'STRING', [['f2', '2.0', 6]]]]));
    const error = await rejection(server.admin.reservations.create(group('narrow', [['N1', 'STRING', [['f2', '3.0', 1]]]])));
    expect(error.key).toBe('glsErr.insufficientCount');
    expect(error.details?.[0]?.message).toBe('f2 3.0 needs 1, 0 free');
  });

  it('rejects duplicate host ids and group names with 409 and JSON paths, and string counts with 400 (C02)', async () => {
    await server.admin.reservations.create(group('qa', [['0A0B0C0D0E0F', 'ETHERNET', [['f1', '1.0', 1]]]]));
    const twice = await rejection(
      server.admin.reservations.create([
        group('dev', [['0a0b0c0d0e0f', 'ETHERNET', [['f1', '1.0', 1]]]]),
      ]),
    );
    expect(twice.status).toBe(409);
    expect(twice.key).toBe('glsErr.duplicateHostId');
    expect(twice.details?.[0]?.path).toBe('$[0].reservations[0].hostId');
    const inPosting = await rejection(
      server.admin.reservations.create([
        group('x', [['SAME', 'STRING', [['f1', '1.0', 1]]]]),
        group('y', [['SAME', 'STRING', [['viewer', '1.0', 1]]]]),
      ]),
    );
    expect(inPosting.key).toBe('glsErr.duplicateHostId');
    expect(inPosting.details?.[0]?.path).toBe('$[1].reservations[0].hostId');
    const again = await rejection(server.admin.reservations.create(group('qa', [['OTHER', 'STRING', [['viewer', '1.0', 1]]]])));
    expect(again.status).toBe(409);
    expect(again.key).toBe('glsErr.duplicateGroupName');
    expect(again.arguments).toEqual(['qa']);

    const stringCount = await call(`${server.base}/reservationgroups`, {
      method: 'POST',
      token,
      body: [{ name: 'str', reservations: [{ hostId: { value: 'S1', type: 'STRING' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: '2' }] }] }],
    });
    expect(stringCount.status).toBe(400);
    expect(stringCount.json.key).toBe('glsErr.invalidReservation');
    expect(stringCount.json.details[0].path).toBe('$[0].reservations[0].reservationEntries[0].featureCount');
    const missing = await call(`${server.base}/reservationgroups`, { method: 'POST', token, body: { name: 'nohosts' } });
    expect(missing.status).toBe(400);
    expect(missing.json.details[0].path).toBe('$.reservations');
    expect((await server.admin.reservations.list().all()).map((g) => g.name)).toEqual(['qa']);
  });

  it('checks everything but stores nothing on a dry run', async () => {
    const preview = await call(`${server.base}/reservationgroups?dryRun=true`, {
      method: 'POST',
      token,
      body: group('preview', [['P1', 'STRING', [['f1', '1.0', 1]]]]),
    });
    expect(preview.status).toBe(200);
    expect(preview.json[0].name).toBe('preview');
    expect(await server.admin.reservations.list().all()).toEqual([]);
    const failing = await rejection(server.admin.reservations.create(group('big', [['P2', 'STRING', [['f1', '1.0', 3]]]]), { dryRun: true }));
    expect(failing.key).toBe('glsErr.insufficientCount');
  });

  it('replaces a group atomically, its own counts and host ids counting as free', async () => {
    const [g] = await server.admin.reservations.create(group('swap', [['R1', 'STRING', [['f1', '1.0', 2]]]]));
    const replaced = await server.admin.reservations.replace(g!.id, group('swap2', [['R1', 'STRING', [['f1', '1.0', 1]]], ['R2', 'STRING', [['f1', '1.0', 1]]]]));
    expect(replaced.id).toBe(g!.id);
    expect(replaced.name).toBe('swap2');
    expect(replaced.reservations.map((r) => r.hostId.value)).toEqual(['R1', 'R2']);
    const tooMuch = await rejection(server.admin.reservations.replace(g!.id, group('swap3', [['R1', 'STRING', [['f1', '1.0', 3]]]])));
    expect(tooMuch.key).toBe('glsErr.insufficientCount');
    expect((await server.admin.reservations.get(g!.id)).name).toBe('swap2');
    expect((await rejection(server.admin.reservations.replace(9999, group('n', [['R9', 'STRING', [['f1', '1.0', 1]]]])))).status).toBe(404);
    const array = await call(`${server.base}/reservationgroups/${g!.id}`, { method: 'PUT', token, body: [group('z', [['R1', 'STRING', [['f1', '1.0', 1]]]])] });
    expect(array.status).toBe(400);
  });

  it('adds entries (201) and deletes an entry with 410 Gone', async () => {
    const [g] = await server.admin.reservations.create(group('entries', [['E1', 'STRING', [['f1', '1.0', 1]]]]));
    const reservation = g!.reservations[0]!;
    const added = await server.admin.reservations.addEntries(g!.id, reservation.id, [{ featureName: 'f2', featureVersion: '2.0', featureCount: 2 }]);
    expect(added).toEqual([{ id: expect.any(Number), featureName: 'f2', featureVersion: '2.0', featureCount: 2, state: 'SATISFIABLE' }]);
    const raw = await call(`${server.base}/reservationgroups/${g!.id}/reservations/${reservation.id}/entries`, {
      method: 'POST',
      token,
      body: [{ featureName: 'viewer', featureVersion: '1.0', featureCount: 1 }],
    });
    expect(raw.status).toBe(201);
    const dup = await rejection(server.admin.reservations.addEntries(g!.id, reservation.id, [{ featureName: 'f2', featureVersion: '2.0', featureCount: 1 }]));
    expect(dup.key).toBe('glsErr.duplicateEntry');
    const short = await rejection(server.admin.reservations.addEntries(g!.id, reservation.id, [{ featureName: 'f2', featureVersion: '3.0', featureCount: 5 }]));
    expect(short.key).toBe('glsErr.insufficientCount');
    const unknown = await rejection(server.admin.reservations.addEntries(g!.id, 9999, [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }]));
    expect(unknown.status).toBe(404);
    const bad = await rejection(server.admin.reservations.addEntries(g!.id, reservation.id, [{ featureName: 'f3', featureVersion: 'one', featureCount: 1 }]));
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.details?.[0]?.path).toBe('$[0].featureVersion');

    const gone = await call(`${server.base}/reservationgroups/${g!.id}/reservations/${reservation.id}/entries/${added[0]!.id}`, { method: 'DELETE', token });
    expect(gone.status).toBe(410);
    expect(gone.text).toBe('');
    await server.admin.reservations.deleteEntry(g!.id, reservation.id, raw.json[0].id);
    const missing = await call(`${server.base}/reservationgroups/${g!.id}/reservations/${reservation.id}/entries/${added[0]!.id}`, { method: 'DELETE', token });
    expect(missing.status).toBe(404);
    expect((await server.admin.reservations.get(g!.id)).reservations[0]!.reservationEntries.map((e) => e.featureName)).toEqual(['f1']);
  });

  it('exports in the import format and re-imports the export unchanged', async () => {
    const posted = [
      group('one', [['aa-11-bb-22-cc-33', 'ETHERNET', [['f1', '1.0', 1]]], ['Zoë Ω', 'STRING', [['viewer', '1.0', 3]]]]),
      group('two', [['user@example.com', 'USER', [['f2', '2', 2]]]]),
    ];
    await server.admin.reservations.create(posted);
    const exported = await server.admin.reservations.export();
    expect(exported).toEqual(posted);
    await clear();
    await server.admin.reservations.create(exported);
    expect(await server.admin.reservations.export()).toEqual(posted);
  });

  it('answers DELETE with 204 and an empty body, and errors as JSON (C25)', async () => {
    const [g] = await server.admin.reservations.create(group('del', [['D1', 'STRING', [['f1', '1.0', 1]]]]));
    const deleted = await call(`${server.base}/reservationgroups/${g!.id}`, { method: 'DELETE', token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const again = await call(`${server.base}/reservationgroups/${g!.id}`, { method: 'DELETE', token });
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.json).toMatchObject({ key: 'glsErr.notFound', arguments: [String(g!.id)] });
  });

  it('serves a device its reservation first, and everything reserved when it asks for nothing', async () => {
    await server.admin.reservations.create(group('serve', [['DEV-R', 'STRING', [['f1', '1.0', 1], ['f2', '2.0', 2]]]]));
    // Another device takes the one unreserved f1 count.
    const other = await server.anonymous().licensing.request({ hostId: { value: 'DEV-X', type: 'STRING' }, features: [{ featureName: 'f1', featureVersion: '1.0', count: 2 }] });
    expect(other.denied).toHaveLength(1);
    await server.anonymous().licensing.request({ hostId: { value: 'DEV-X', type: 'STRING' }, features: [{ featureName: 'f1', featureVersion: '1.0', count: 1 }] });
    const reserved = await server.anonymous().licensing.request({ hostId: { value: 'DEV-R', type: 'STRING' } });
    expect(reserved.denied).toEqual([]);
    expect(reserved.features.map((f) => [f.featureName, f.count])).toEqual([
      ['f1', 1],
      ['f2', 2],
    ]);
    const f1 = (await server.admin.features.list({ featureName: 'f1' }).all())[0]!;
    expect(f1).toMatchObject({ used: 2, reserved: 1, assignedReserved: 1, unassignedReserved: 0, sharedUsed: 1 });
    const usage = await server.admin.features.clients(f1.id).all();
    expect(usage.find((u) => u.client.hostid.hostidValue === 'DEV-R')).toMatchObject({ useCount: 1, reservedCount: 1 });
    // Deleting the group keeps the device served, from the shared pool.
    await clear();
    expect((await server.admin.features.list({ featureName: 'f1' }).all())[0]).toMatchObject({ used: 2, reserved: 0 });
    expect(server.emu.context.licensing.verifyConsistency()).toEqual([]);
    await server.anonymous().licensing.request({ hostId: { value: 'DEV-R', type: 'STRING' }, features: [{ featureName: 'f1', featureVersion: '1.0', count: 0 }, { featureName: 'f2', featureVersion: '2.0', count: 0 }] });
    await server.anonymous().licensing.request({ hostId: { value: 'DEV-X', type: 'STRING' }, features: [{ featureName: 'f1', featureVersion: '1.0', count: 0 }] });
  });

  it('marks entries UNSATISFIABLE when the licenses behind them expire', async () => {
    const s = await startTestServer();
    try {
      s.addFeatures({ name: 'g', version: '1.0', count: 1, expiry: new Date(s.clock.now() + 86_400_000).toISOString() });
      const [g] = await s.admin.reservations.create(group('exp', [['X1', 'STRING', [['g', '1.0', 1]]]]));
      expect(g!.reservations[0]!.reservationEntries[0]!.state).toBe('SATISFIABLE');
      s.clock.advance(2 * 86_400_000);
      expect((await s.admin.reservations.get(g!.id)).reservations[0]!.reservationEntries[0]!.state).toBe('UNSATISFIABLE');
    } finally {
      await s.close();
    }
  });

  it('refuses reservation changes with 409 glsErr.modelActive while a model with named pools is active (C03)', async () => {
    const [g] = await server.admin.reservations.create(group('kept', [['K1', 'STRING', [['f1', '1.0', 1]]]]));
    const ctx = server.emu.context;
    const original = ctx.pools;
    ctx.pools = { ...DEFAULT_POOL_PROVIDER, isModelActive: () => true, modelName: () => 'm1' };
    try {
      const error = await rejection(server.admin.reservations.create(group('new', [['K2', 'STRING', [['f1', '1.0', 1]]]])));
      expect(error.status).toBe(409);
      expect(error.key).toBe('glsErr.modelActive');
      expect(error.arguments).toEqual(['m1']);
      expect((await rejection(server.admin.reservations.delete(g!.id))).key).toBe('glsErr.modelActive');
      expect((await server.admin.reservations.list().all()).map((x) => x.name)).toEqual(['kept']);
    } finally {
      ctx.pools = original;
    }
  });

  it('needs ROLE_RESERVATIONS to change reservations', async () => {
    await server.admin.users.create({ name: 'ro', password: 'Read!only1', roles: ['ROLE_READ'] });
    const ro = await server.login('ro', 'Read!only1');
    expect(await ro.reservations.list().all()).toEqual([]);
    expect((await rejection(ro.reservations.create(group('no', [['N', 'STRING', [['f1', '1.0', 1]]]])))).status).toBe(403);
  });
});
