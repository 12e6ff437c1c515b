import { parseVersion } from '@licensedesk/sdk';
import type { LicensingEngine } from '../licensing/engine.js';
import { expiryText, isActive, type FeatureRecord } from '../licensing/records.js';
import type { ModelService } from './model-service.js';
import { allocate } from './provider.js';

/** `PoolFeature` in the spec. */
export interface PoolFeature {
  featureId: string;
  featureName: string;
  featureVersion: string;
  expiry: string | null;
  allocated: number;
  used: number;
  status: 'OK' | 'EXPIRED' | 'EXHAUSTED' | 'SHORT';
  /** Present (true) for an uncounted record: any number may be used, `allocated` is 0. */
  uncounted?: boolean;
}

/** `LicensePool` in the spec. */
export interface LicensePool {
  name: string;
  default: boolean;
  features: PoolFeature[];
}

function versionKey(name: string, version: string): string {
  const v = parseVersion(version);
  return `${name}\u0000${v.ok ? `${v.value.major}.${v.value.minor}` : version}`;
}

function slice(record: FeatureRecord, allocated: number | null, used: number, now: number, short: boolean): PoolFeature {
  let status: PoolFeature['status'] = 'OK';
  if (!isActive(record, now) && now > record.expiresAt) status = 'EXPIRED';
  else if (short) status = 'SHORT';
  else if (allocated !== null && used >= allocated) status = 'EXHAUSTED';
  const out: PoolFeature = {
    featureId: record.featureId,
    featureName: record.name,
    featureVersion: record.version,
    expiry: expiryText(record.row),
    allocated: allocated ?? 0,
    used,
    status,
  };
  if (allocated === null) out.uncounted = true;
  return out;
}

/**
 * The pools with each feature slice: what the model allocates (over the records that can serve now)
 * and what devices hold from it. The default pool is always there and listed last; it also lists
 * expired records (allocated 0) so nothing on the server goes missing from the view.
 */
export function listPools(service: ModelService, engine: LicensingEngine, now: number): LicensePool[] {
  const records = engine.records();
  const byId = new Map(records.map((r) => [r.id, r]));
  const byPool = engine.usageByPool();
  const usedIn = (pool: string, id: number) => byPool.get(pool)?.get(id) ?? 0;
  const allocation = allocate(service, records, now);

  if (!allocation) {
    return [
      {
        name: 'default',
        default: true,
        features: records.map((r) => slice(r, r.uncounted ? null : r.count, engine.usage(r.id).used, now, false)),
      },
    ];
  }

  const pools: LicensePool[] = [];
  const listed = new Set<number>();
  const recordOf = new Map<PoolFeature, number>();
  for (const pool of allocation) {
    const shortKeys = new Set(pool.shortages.map((s) => versionKey(s.featureName, s.featureVersion)));
    const features: PoolFeature[] = [];
    for (const f of pool.features) {
      const record = byId.get(Number(f.featureId));
      if (!record) continue;
      listed.add(record.id);
      // Reserved holdings left over from before the model count against the default pool.
      const used = pool.default ? usedIn('default', record.id) + engine.usage(record.id).assignedReserved : usedIn(pool.name, record.id);
      const entry = slice(record, f.allocated, used, now, shortKeys.has(versionKey(record.name, record.version)));
      recordOf.set(entry, record.id);
      features.push(entry);
    }
    pools.push({ name: pool.name, default: pool.default, features });
  }
  const fallback = pools.find((p) => p.default)!;
  for (const record of records) {
    if (listed.has(record.id) || isActive(record, now)) continue;
    // Records that cannot serve now are outside the allocation; the default pool shows them with nothing allocated.
    const entry = slice(record, 0, usedIn('default', record.id) + engine.usage(record.id).assignedReserved, now, false);
    recordOf.set(entry, record.id);
    fallback.features.push(entry);
  }
  fallback.features.sort((a, b) => (recordOf.get(a) ?? 0) - (recordOf.get(b) ?? 0));
  return pools;
}
