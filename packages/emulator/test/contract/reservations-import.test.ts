import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, rejection, startTestServer, tokenFor, ADMIN_PASSWORD, type TestServer } from '../support/server.js';

// Large imports: the answer is built from what was written in one pass and the licensing engine
// takes the new entries without a full rebuild, so both must agree with a fresh read.

let server: TestServer;
let token: string;

const NAMES = 40;

function groups(count: number, options: { from?: number; unnamedEvery?: number } = {}) {
  const from = options.from ?? 0;
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const unnamed = options.unnamedEvery !== undefined && i % options.unnamedEvery === 0;
    return {
      ...(unnamed ? {} : { name: `import-${i}` }),
      reservations: [
        {
          hostId: { value: `IMP-${i}`, type: 'STRING' },
          reservationEntries: [
            { featureName: `bulk-${i % NAMES}`, featureVersion: '1.0', featureCount: 1 },
            { featureName: `bulk-${(i + 3) % NAMES}`, featureVersion: '2.0', featureCount: 1 },
          ],
        },
        ...(i % 7 === 0 ? [{ hostId: { value: `aa:bb:cc:00:${String(i % 100).padStart(2, '0')}:${String(i % 89).padStart(2, '0')}`, type: 'ETHERNET' }, reservationEntries: [{ featureName: 'open', featureVersion: '1.0', featureCount: 3 }] }] : []),
      ],
    };
  });
}

/** What the engine holds about reservations, comparable across a rebuild. */
function engineView() {
  const { entries, allocation } = server.emu.context.licensing.reservations();
  return {
    entries: entries.map((e) => ({ ...e })),
    satisfiable: [...allocation.satisfiable].sort((a, b) => a - b),
    byRecord: [...allocation.byRecord].sort((a, b) => a[0] - b[0]),
  };
}

function rebuiltView() {
  server.emu.context.licensing.invalidate();
  return engineView();
}

const withoutDates = (list: { creationDate?: string }[]) => list.map(({ creationDate: _d, ...rest }) => rest);

beforeAll(async () => {
  server = await startTestServer();
  const features = [];
  for (let n = 0; n < NAMES; n++) {
    features.push({ featureId: `bulk-${n}-1`, name: `bulk-${n}`, version: '1.0', count: 20 });
    features.push({ featureId: `bulk-${n}-2`, name: `bulk-${n}`, version: '2.5', count: 20 });
  }
  features.push({ featureId: 'open', name: 'open', version: '1.0', uncounted: true });
  server.addFeatures(...features);
  token = await tokenFor(server.base, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => server?.close());
beforeEach(async () => {
  for (const g of await server.admin.reservations.list().all()) await server.admin.reservations.delete(g.id);
});

describe('large reservation imports', () => {
  it('answers a dry run exactly as the import, and the import as a later read', async () => {
    await server.admin.reservations.create(groups(50, { from: 1000 }));
    const posting = groups(400, { unnamedEvery: 9 });
    const before = engineView();
    const dry = await call(`${server.base}/reservationgroups?dryRun=true`, { method: 'POST', token, body: posting });
    expect(dry.status).toBe(200);
    expect(engineView()).toEqual(before);
    const created = await server.admin.reservations.create(posting);
    expect(created).toHaveLength(400);
    expect(withoutDates(dry.json)).toEqual(withoutDates(created));
    const read = await server.admin.reservations.list().all();
    expect(read.slice(50)).toEqual(created);
    expect(created.filter((g) => /^\d+(-\d+)?$/.test(g.name))).toHaveLength(45);
    // The engine took the new entries without a rebuild; a rebuild finds the same.
    const after = engineView();
    expect(after.entries).toHaveLength(50 * 2 + 7 + 400 * 2 + 58);
    expect(rebuiltView()).toEqual(after);
    expect(server.emu.context.licensing.verifyConsistency()).toEqual([]);
  });

  it('names the first group that does not fit in a large posting, quickly', async () => {
    // 40 names × 20 counts at 1.0 and 20 at 2.5: about 800 groups fit (one entry at 1.0, one at 2.0).
    const posting = groups(1000);
    const started = performance.now();
    const failing = await rejection(server.admin.reservations.create(posting, { dryRun: true }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(failing.key).toBe('glsErr.insufficientCount');
    const first = failing.arguments[0]!;
    expect(first).toMatch(/^import-\d+$/);
    const index = Number(first.slice('import-'.length));
    // Everything before the named group fits; the named group does not.
    const fits = await call(`${server.base}/reservationgroups?dryRun=true`, { method: 'POST', token, body: posting.slice(0, index) });
    expect(fits.status).toBe(200);
    const short = await rejection(server.admin.reservations.create(posting.slice(0, index + 1), { dryRun: true }));
    expect(short.arguments).toEqual([first]);
    expect(short.details).toEqual(failing.details);
    expect(failing.details![0]!.path).toMatch(new RegExp(`^\\$\\[${index}\\]\\.reservations\\[0\\]\\.reservationEntries\\[\\d\\]$`));
    expect(await server.admin.reservations.list().all()).toEqual([]);
  });

  it('keeps the engine in step when groups are replaced or deleted while devices hold reserved counts', async () => {
    const created = await server.admin.reservations.create(groups(30));
    const device = server.anonymous();
    const served = await device.licensing.request({ hostId: { value: 'IMP-3', type: 'STRING' } });
    expect(served.features.reduce((n, f) => n + f.count, 0)).toBe(2);
    const target = created[3]!;
    await server.admin.reservations.replace(target.id, groups(1, { from: 500 })[0]!);
    let view = engineView();
    expect(rebuiltView()).toEqual(view);
    expect(server.emu.context.licensing.verifyConsistency()).toEqual([]);
    await server.admin.reservations.delete(created[5]!.id);
    const g = created[7]!;
    await server.admin.reservations.addEntries(g.id, g.reservations[0]!.id, [{ featureName: 'open', featureVersion: '1.0', featureCount: 1 }]);
    view = engineView();
    expect(rebuiltView()).toEqual(view);
    expect(server.emu.context.licensing.verifyConsistency()).toEqual([]);
  });
});
