import { unwrap, type CallOptions } from '../../internal/call.js';
import type { LicensePool } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/** Named license pools of the active model definition (the default pool is always there). */
export class PoolsResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Lists pools with each feature's allocation, use and status. */
  async list(options?: CallOptions): Promise<LicensePool[]> {
    return unwrap(await this.#ctx.raw.GET('/licensepools', requestInit(options))) ?? [];
  }
}
