import { unwrap, type CallOptions } from '../../internal/call.js';
import type { HostIdList } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/** Host ids of the server itself. */
export class HostIdsResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Lists the server's candidate host ids and the selected one. */
  async get(options?: CallOptions): Promise<HostIdList> {
    return unwrap(await this.#ctx.raw.GET('/hostids', requestInit(options)));
  }
}
