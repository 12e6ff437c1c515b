import type { EmulatorContext } from '../context.js';
import type { ClientLicenseRequest } from '../licensing/engine.js';
import { insertFeature, type NewFeature } from '../store/features.js';
import { createGroups } from '../store/reservations.js';

const DAY = 86_400_000;

/** A small deterministic PRNG so every demo folder looks the same. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const LONG_VENDOR_STRING = Array.from({ length: 2000 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[i % 36]).join('');

function demoFeatures(now: number): NewFeature[] {
  const common = { vendor: 'demo', issuer: 'LicenseDesk Demo Producer', notice: 'Licensed to Example Corp', issued: date(now - 400 * DAY) };
  return [
    { ...common, featureId: 'FID_f1_a', name: 'f1', version: '1.0', count: 10, expiry: 'permanent', activationId: 'ACT-A', vendorString: 'region=emea' },
    { ...common, featureId: 'FID_f1_b', name: 'f1', version: '1.0', count: 5, expiry: date(now + 20 * DAY), activationId: 'ACT-B', vendorString: 'region=emea' },
    { ...common, featureId: 'FID_f1_c', name: 'f1', version: '2.0', count: 3, expiry: 'permanent', activationId: 'ACT-C' },
    { ...common, featureId: 'FID_f2_a', name: 'f2', version: '2.0', count: 20, expiry: date(now + 365 * DAY), activationId: 'ACT-D' },
    { ...common, featureId: 'FID_f2_old', name: 'f2', version: '2.0', count: 5, expiry: date(now - 30 * DAY), activationId: 'ACT-OLD' },
    { ...common, featureId: 'FID_viewer', name: 'viewer', version: '1.0', uncounted: true, expiry: 'permanent', activationId: 'ACT-E', type: 'UNCOUNTED' },
    { ...common, featureId: 'FID_analyzer_52', name: 'analyzer', version: '5.2', count: 8, overdraft: 2, expiry: 'permanent', activationId: 'ACT-F' },
    { ...common, featureId: 'FID_analyzer_50', name: 'analyzer', version: '5.0', count: 4, expiry: date(now + 90 * DAY), activationId: 'ACT-F' },
    { ...common, featureId: 'FID_render', name: 'render-node', version: '1.0', count: 1000, metered: true, meteredUndoInterval: 3600, expiry: date(now + 180 * DAY), activationId: 'ACT-G' },
    { ...common, featureId: 'FID_api', name: 'api-calls', version: '1.0', count: 500, metered: true, meteredReusable: true, expiry: 'permanent', activationId: 'ACT-G' },
    { ...common, featureId: 'FID_solver_10', name: 'solver-hpc', version: '10.1', count: 16, borrowInterval: 86_400, expiry: 'permanent', activationId: 'ACT-H' },
    { ...common, featureId: 'FID_solver_9', name: 'solver-hpc', version: '9.0', count: 8, expiry: date(now - 10 * DAY), activationId: 'ACT-H' },
    { ...common, featureId: 'FID_export', name: 'export-pdf', version: '1.0', count: 25, expiry: 'permanent', vendorString: LONG_VENDOR_STRING, activationId: 'ACT-I' },
    { ...common, featureId: 'FID_translate', name: 'translate', version: '1.0', count: 10, expiry: date(now + 45 * DAY), vendorString: 'Zoë Ω — übersetzt', selectors: { edition: 'pro', 'région': 'Zoë Ω' }, activationId: 'ACT-J' },
    { ...common, featureId: 'FID_plugin', name: 'plugin-sdk', version: '2.3', count: 5, expiry: 'permanent', vendorString: 'a"b\\c and a literal \\u0020', activationId: 'ACT-K' },
    { ...common, featureId: 'FID_cloud', name: 'cloud-sync', version: '1.0', count: 100, starts: date(now + 7 * DAY), expiry: date(now + 372 * DAY), activationId: 'ACT-L' },
    { ...common, featureId: 'FID_legacy', name: 'legacy-tool', version: '0.9', count: 2, expiry: date(now - 365 * DAY), activationId: 'ACT-M' },
    { ...common, featureId: 'FID_model', name: 'modélisation', version: '1.0', count: 6, expiry: '2099-01-01', activationId: 'ACT-N' },
  ];
}

const HEX = '0123456789ABCDEF';

/**
 * Fills a new data folder with a realistic server: a dozen features with several records each
 * (expired, expiring, permanent, metered, uncounted, long and non-ASCII vendor strings), three
 * reservation groups and a few hundred devices of every kind, all served through the real
 * licensing engine. No model: models and reservations are exclusive.
 */
export function seedDemo(ctx: EmulatorContext): void {
  const now = ctx.clock.now();
  const random = prng(20_240_301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const mac = () => Array.from({ length: 12 }, () => pick([...HEX])).join('');

  ctx.tx(() => {
    for (const f of demoFeatures(now)) insertFeature(ctx, f);
    ctx.licensing.invalidate();
    createGroups(
      ctx,
      [
        {
          name: 'engineering',
          reservations: [
            { hostId: { value: 'F01898AD8DD3', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 2 }, { featureName: 'analyzer', featureVersion: '5.0', featureCount: 1 }] },
            { hostId: { value: 'build-farm-01', type: 'STRING' }, reservationEntries: [{ featureName: 'solver-hpc', featureVersion: '10.0', featureCount: 4 }] },
          ],
        },
        {
          name: 'qa',
          reservations: [
            { hostId: { value: '0A0B0C0D0E0F', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f2', featureVersion: '2.0', featureCount: 1 }] },
            { hostId: { value: 'zoë@example.com', type: 'USER' }, reservationEntries: [{ featureName: 'translate', featureVersion: '1.0', featureCount: 1 }] },
          ],
        },
        {
          name: 'support',
          reservations: [
            { hostId: { value: 'SUPPORT-DESK-7', type: 'STRING' }, reservationEntries: [{ featureName: 'f1', featureVersion: '2.0', featureCount: 1 }] },
          ],
        },
      ],
      { ip: '127.0.0.1' },
    );
  });

  // Devices with reservations ask for "whatever is reserved for me".
  for (const hostId of [
    { value: 'F01898AD8DD3', type: 'ETHERNET' },
    { value: 'build-farm-01', type: 'STRING' },
    { value: '0A0B0C0D0E0F', type: 'ETHERNET' },
  ]) {
    ctx.licensing.request({ hostId, machineType: 'PHYSICAL', alias: `reserved-${hostId.value.toLowerCase()}` });
  }

  const wishes: [string, string, number][] = [
    ['f1', '1.0', 1],
    ['f1', '2.0', 1],
    ['f2', '2.0', 1],
    ['viewer', '1.0', 1],
    ['viewer', '1.0', 3],
    ['analyzer', '5.0', 1],
    ['render-node', '1.0', 5],
    ['api-calls', '1.0', 10],
    ['solver-hpc', '10.0', 2],
    ['export-pdf', '1.0', 1],
    ['translate', '1.0', 1],
    ['plugin-sdk', '2.0', 1],
    ['modélisation', '1.0', 1],
  ];
  const requests: ClientLicenseRequest[] = [];
  for (let i = 0; i < 320; i++) {
    const kind = i % 8;
    let request: ClientLicenseRequest;
    if (kind <= 3) {
      request = { hostId: { value: mac(), type: 'ETHERNET' }, machineType: 'PHYSICAL', hostName: `ws-${String(i).padStart(3, '0')}.corp.example.com` };
    } else if (kind === 4 || kind === 5) {
      const uuid = `${mac().slice(0, 8)}-${mac().slice(0, 4)}-4${mac().slice(0, 3)}-A${mac().slice(0, 3)}-${mac()}`;
      request = { hostId: { value: uuid, type: 'VM_UUID' }, machineType: 'VIRTUAL', hostName: `vm-${i}.cloud.example.com` };
    } else if (kind === 6) {
      request = { hostId: { value: `HOST-${1000 + i}`, type: 'STRING' }, machineType: 'UNKNOWN' };
    } else {
      request = { hostId: { value: `user${i}@example.com`, type: 'USER' }, machineType: 'UNKNOWN' };
    }
    if (i % 5 === 0) request.alias = i % 10 === 0 ? `Zoë's laptop ${i}` : `agent-${i}`;
    request.correlationId = `seed-${i}`;
    const count = 1 + Math.floor(random() * 2);
    const features = new Map<string, { featureName: string; featureVersion: string; count: number }>();
    for (let k = 0; k < count; k++) {
      const [featureName, featureVersion, n] = pick(wishes);
      features.set(`${featureName} ${featureVersion}`, { featureName, featureVersion, count: n });
    }
    request.features = [...features.values()];
    requests.push(request);
  }
  for (const request of requests) ctx.licensing.request(request);
  // A few devices came back with a new session: flagged as suspected duplicates (C28).
  for (const request of requests.slice(0, 3)) ctx.licensing.request({ ...request, correlationId: `${request.correlationId}-again` });
}
