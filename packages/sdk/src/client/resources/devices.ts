import { totalCount, unwrap, type CallOptions } from '../../internal/call.js';
import { Paginated } from '../../paging/paginated.js';
import type { Device, DeviceDetail } from '../../types.js';
import { requestInit, type ListOptions, type ResourceContext } from '../context.js';

/** Filters of {@link DevicesResource.list}. */
export interface DeviceFilter {
  /** Host id value; exact, or a prefix when it ends with `*` (`HOST-1*`). Filtered by the server. */
  hostid?: string;
}

/** Devices the server has served ("clients" in the API). */
export class DevicesResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Lists served devices in a stable order. */
  list(filter: DeviceFilter = {}, options: ListOptions = {}): Paginated<Device> {
    return new Paginated(
      async (page) => {
        const result = await this.#ctx.raw.GET('/clients', {
          params: { query: { ...filter, ...page } },
          ...requestInit(options),
        });
        return { items: unwrap(result) ?? [], total: totalCount(result.response) };
      },
      { pageSize: options.pageSize ?? this.#ctx.pageSize },
    );
  }

  /** Reads one device with the features it holds. */
  async get(clientId: number, options?: CallOptions): Promise<DeviceDetail> {
    return unwrap(await this.#ctx.raw.GET('/clients/{clientId}', { params: { path: { clientId } }, ...requestInit(options) }));
  }

  /** Drops a device, releasing the counts it holds (needs ROLE_DROPCLIENT). */
  async drop(clientId: number, options?: CallOptions): Promise<void> {
    unwrap(await this.#ctx.raw.DELETE('/clients/{clientId}', { params: { path: { clientId } }, ...requestInit(options) }));
  }
}
