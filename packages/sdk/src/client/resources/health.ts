import { unwrap, type CallOptions } from '../../internal/call.js';
import type { HealthResponse } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/** Server version and status. Needs no token. */
export class HealthResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Reads the server's version, build and status (`{ LLS: {...} }`). */
  async get(options?: CallOptions): Promise<HealthResponse> {
    return unwrap(await this.#ctx.raw.GET('/health', requestInit(options)));
  }
}
