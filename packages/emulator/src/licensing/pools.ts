import type { HostId } from '@licensedesk/sdk';
import type { FeatureRecord } from './records.js';

/** What the rules of access may look at in a licensing request. */
export interface PoolRequestInfo {
  hostId: HostId;
  hostName?: string | undefined;
  /** The request's machine type (PHYSICAL, VIRTUAL, UNKNOWN), matched by `hosttype(...)`. */
  hostType?: string | undefined;
  dictionary: Record<string, string>;
}

/** Where a request may draw counts from, after its reservations. */
export interface PoolRoute {
  decision: 'accept' | 'deny';
  /** Pool names in the order they are tried; `default` is the default pool. */
  pools: string[];
}

/**
 * The hook named license pools plug into. The licensing engine asks it which pools a request may
 * use and how many counts each named pool holds per feature record; the default pool holds the
 * rest. Implemented by `src/pools/` (active model + allocations); `DEFAULT_POOL_PROVIDER` is used
 * when no model is active.
 */
export interface PoolProvider {
  /** True while a model definition with named pools is active (reservation changes are then refused). */
  isModelActive(): boolean;
  /** The active model's name, for error arguments (`glsErr.modelActive`). */
  modelName(): string | undefined;
  /** Which pools the request may draw from, in order. */
  route(request: PoolRequestInfo): PoolRoute;
  /**
   * Counts each named pool holds of each feature record (`pool -> record id -> count`), for the
   * records given (the server's features, all of them). Not including `default`. Called whenever
   * the licensing state is rebuilt (after `ctx.licensing.invalidate()`).
   */
  allocations(records: readonly FeatureRecord[], now: number): Map<string, Map<number, number>>;
}

/** No model: every request is accepted and served from the default pool. */
export const DEFAULT_POOL_PROVIDER: PoolProvider = {
  isModelActive: () => false,
  modelName: () => undefined,
  route: () => ({ decision: 'accept', pools: ['default'] }),
  allocations: () => new Map(),
};
