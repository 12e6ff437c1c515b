import { allocatePools, type PoolAllocation } from '@licensedesk/sdk/model';
import type { PoolProvider, PoolRequestInfo, PoolRoute } from '../licensing/pools.js';
import { isActive, type FeatureRecord } from '../licensing/records.js';
import type { ModelService } from './model-service.js';

const DEFAULT_POOL = 'default';

/** Runs the SDK allocator over the active records; uncounted slices come back as `null`. */
export function allocate(service: ModelService, records: readonly FeatureRecord[], now: number): PoolAllocation[] | null {
  const model = service.model();
  if (!model || model.pools.length === 0) return null;
  const active = records.filter((r) => isActive(r, now));
  return allocatePools(
    model,
    active.map((r) => ({
      featureId: r.id,
      featureName: r.name,
      featureVersion: r.version,
      featureCount: r.count,
      uncounted: r.uncounted,
      vendorString: r.vendorString,
      expiry: r.row.expiry,
    })),
  );
}

/**
 * The licensing engine's view of the active model: the rules of access decide which pools a request
 * may use, and the allocator says how many counts of each record each named pool holds.
 */
export class ModelPoolProvider implements PoolProvider {
  constructor(private readonly service: ModelService) {}

  isModelActive(): boolean {
    return this.service.isActive();
  }

  modelName(): string | undefined {
    return this.service.status().name;
  }

  route(request: PoolRequestInfo): PoolRoute {
    const model = this.service.model();
    if (!model) return { decision: 'accept', pools: [DEFAULT_POOL] };
    const evaluation = this.service.evaluate({
      hostId: request.hostId,
      ...(request.hostName !== undefined ? { hostName: request.hostName } : {}),
      ...(request.hostType !== undefined ? { hostType: request.hostType } : {}),
      dictionary: request.dictionary,
    });
    return { decision: evaluation.decision, pools: evaluation.pools };
  }

  allocations(records: readonly FeatureRecord[], now: number): Map<string, Map<number, number>> {
    const result = new Map<string, Map<number, number>>();
    for (const pool of allocate(this.service, records, now) ?? []) {
      if (pool.default) continue;
      const counts = new Map<number, number>();
      for (const f of pool.features) {
        // An uncounted record is unlimited in every pool that lists it.
        const n = f.allocated === null ? Number.POSITIVE_INFINITY : f.allocated;
        counts.set(Number(f.featureId), (counts.get(Number(f.featureId)) ?? 0) + n);
      }
      result.set(pool.name, counts);
    }
    return result;
  }
}
