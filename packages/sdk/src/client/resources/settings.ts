import { unwrap, type CallOptions } from '../../internal/call.js';
import type { Setting, SettingsUpdate } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/** Policy settings ("License Server Properties"). */
export class SettingsResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Lists every setting with its value, default, group and whether an admin may change it. */
  async list(options?: CallOptions): Promise<Setting[]> {
    return unwrap(await this.#ctx.raw.GET('/configuration', requestInit(options))) ?? [];
  }

  /** Changes several settings at once, all or nothing; returns every setting afterwards. */
  async update(values: SettingsUpdate, options?: CallOptions): Promise<Setting[]> {
    return unwrap(await this.#ctx.raw.PATCH('/configuration', { body: values, ...requestInit(options) })) ?? [];
  }
}
