import type { FeatureSpec, ModelDefinition } from './ast.js';
import { matchesGlob } from './glob.js';
import { DEFAULT_POOL, featureKey } from './semantics.js';

/** The fields of a server feature record that pool allocation reads. */
export interface AllocatableFeature {
  featureId: string | number;
  featureName: string;
  featureVersion: string;
  featureCount: number;
  uncounted?: boolean;
  vendorString?: string | null;
  expiry?: string | null;
}

/** How much of one feature record a pool holds. */
export interface PoolFeatureAllocation {
  featureId: string | number;
  featureName: string;
  featureVersion: string;
  vendorString?: string | null;
  expiry?: string | null;
  /** Counts of this record placed in the pool; `null` for an uncounted (unlimited) record. */
  allocated: number | null;
}

/** A feature spec of a pool that got fewer counts than it asked for. */
export interface PoolShortage {
  featureName: string;
  featureVersion: string;
  vendorStringPattern?: string;
  requested: number;
  allocated: number;
}

/** One pool and the counts placed in it. */
export interface PoolAllocation {
  name: string;
  /** True for the default pool, which holds every count not placed in a named pool. */
  default: boolean;
  features: PoolFeatureAllocation[];
  shortages: PoolShortage[];
}

function countOf(record: AllocatableFeature): number {
  return Number.isFinite(record.featureCount) ? Math.max(0, Math.floor(record.featureCount)) : 0;
}

function entry(record: AllocatableFeature, allocated: number | null): PoolFeatureAllocation {
  const result: PoolFeatureAllocation = {
    featureId: record.featureId,
    featureName: record.featureName,
    featureVersion: record.featureVersion,
    allocated,
  };
  if (record.vendorString !== undefined) result.vendorString = record.vendorString;
  if (record.expiry !== undefined) result.expiry = record.expiry;
  return result;
}

/**
 * The spec of a pool that takes a record: a spec whose vendor string pattern matches the record's
 * vendor string wins over a spec without a pattern; among equals the first in the file.
 */
function specFor(specs: readonly FeatureSpec[], record: AllocatableFeature): FeatureSpec | undefined {
  const key = featureKey(record.featureName, record.featureVersion);
  let plain: FeatureSpec | undefined;
  for (const spec of specs) {
    if (featureKey(spec.featureName, spec.featureVersion) !== key) continue;
    if (spec.vendorStringPattern === undefined) plain ??= spec;
    else if (matchesGlob(spec.vendorStringPattern, record.vendorString ?? '')) return spec;
  }
  return plain;
}

/**
 * Places the server's feature counts into the model's pools, in file order, and what is left into the default pool.
 *
 * @remarks A count takes up to that many counts (filling from the records in the order given), `N%`
 * takes N% of each record's count (rounded down), `remainder` takes everything left so later pools get
 * none, and whatever no pool took stays in the default pool. When the server holds fewer counts than
 * the model asks for, pools get what is left in file order and the shortfall is listed in `shortages`.
 * Uncounted records are unlimited: every pool that lists them, and the default pool, hold them with
 * `allocated: null`.
 */
export function allocatePools(model: ModelDefinition, features: readonly AllocatableFeature[]): PoolAllocation[] {
  const left = features.map(countOf);
  const result: PoolAllocation[] = [];
  for (const pool of model.pools) {
    const allocation: PoolAllocation = { name: pool.name, default: false, features: [], shortages: [] };
    // Which spec of this pool takes each record.
    const takenBy = features.map((record) => specFor(pool.features, record));
    for (const spec of pool.features) {
      let requested = 0;
      let allocated = 0;
      let still = spec.amount.kind === 'count' ? spec.amount.value : 0;
      let unlimited = false;
      features.forEach((record, i) => {
        if (takenBy[i] !== spec) return;
        if (record.uncounted === true) {
          allocation.features.push(entry(record, null));
          unlimited = true;
          return;
        }
        const available = left[i] ?? 0;
        let take: number;
        if (spec.amount.kind === 'count') {
          take = Math.min(still, available);
          still -= take;
        } else if (spec.amount.kind === 'percent') {
          const wanted = Math.floor((countOf(record) * spec.amount.value) / 100);
          requested += wanted;
          take = Math.min(wanted, available);
        } else {
          take = available;
        }
        left[i] = available - take;
        allocated += take;
        allocation.features.push(entry(record, take));
      });
      if (spec.amount.kind === 'count') requested = spec.amount.value;
      // An uncounted record serves any number, so a spec that reached one is never short.
      if (spec.amount.kind !== 'remainder' && allocated < requested && !unlimited) {
        const shortage: PoolShortage = {
          featureName: spec.featureName,
          featureVersion: spec.featureVersion,
          requested,
          allocated,
        };
        if (spec.vendorStringPattern !== undefined) shortage.vendorStringPattern = spec.vendorStringPattern;
        allocation.shortages.push(shortage);
      }
    }
    result.push(allocation);
  }
  const fallback: PoolAllocation = { name: DEFAULT_POOL, default: true, features: [], shortages: [] };
  features.forEach((record, i) => {
    if (record.uncounted === true) fallback.features.push(entry(record, null));
    else if ((left[i] ?? 0) > 0) fallback.features.push(entry(record, left[i] ?? 0));
  });
  result.push(fallback);
  return result;
}
