import { totalCount, unwrap, type CallOptions } from '../../internal/call.js';
import { Paginated } from '../../paging/paginated.js';
import type { Feature, FeatureUsage } from '../../types.js';
import { requestInit, type ListOptions, type ResourceContext } from '../context.js';

/** Filters of {@link FeaturesResource.list}. */
export interface FeatureFilter {
  /** Only features that have started and not expired. */
  activeOnly?: boolean;
  /** Exact, complete feature name. */
  featureName?: string;
}

/** Features (license lines) installed on the server. */
export class FeaturesResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Lists feature records, one per license line (several may share a name and version). */
  list(filter: FeatureFilter = {}, options: ListOptions = {}): Paginated<Feature> {
    return new Paginated(
      async (page) => {
        const result = await this.#ctx.raw.GET('/features', {
          params: { query: { ...filter, ...page } },
          ...requestInit(options),
        });
        return { items: unwrap(result) ?? [], total: totalCount(result.response) };
      },
      { pageSize: options.pageSize ?? this.#ctx.pageSize },
    );
  }

  /** Reads one feature record by its server id (`Feature.id`). */
  async get(id: number, options?: CallOptions): Promise<Feature> {
    return unwrap(await this.#ctx.raw.GET('/features/{id}', { params: { path: { id } }, ...requestInit(options) }));
  }

  /** Lists the devices served with a feature record, with their counts. */
  clients(id: number, options: ListOptions = {}): Paginated<FeatureUsage> {
    return new Paginated(
      async (page) => {
        const result = await this.#ctx.raw.GET('/features/{id}/clients', {
          params: { path: { id }, query: { ...page } },
          ...requestInit(options),
        });
        return { items: unwrap(result) ?? [], total: totalCount(result.response) };
      },
      { pageSize: options.pageSize ?? this.#ctx.pageSize },
    );
  }
}
