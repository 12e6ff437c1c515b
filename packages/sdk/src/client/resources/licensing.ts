import { unwrap, type CallOptions } from '../../internal/call.js';
import type { ClientLicenseRequest, ClientLicenseResponse } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/** The licensing request client devices send (JSON). Needs no token. */
export class LicensingResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Requests (count > 0) or returns (count 0) features for a device. */
  async request(request: ClientLicenseRequest, options?: CallOptions): Promise<ClientLicenseResponse> {
    return unwrap(await this.#ctx.raw.POST('/request', { body: request, ...requestInit(options) }));
  }
}
