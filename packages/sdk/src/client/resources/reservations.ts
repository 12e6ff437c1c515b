import { totalCount, unwrap, type CallOptions } from '../../internal/call.js';
import { Paginated } from '../../paging/paginated.js';
import type { components } from '../../generated/schema.js';
import type { Reservation, ReservationEntry, ReservationGroup, ReservationImport } from '../../types.js';
import { requestInit, type ListOptions, type ResourceContext } from '../context.js';

type GroupInput = components['schemas']['ReservationGroupInput'];
type EntryInput = components['schemas']['ReservationEntryInput'];

/** Success code of the real server for deleting a reservation entry. */
const GONE = [410] as const;

/** Reservation groups, their reservations (one per host id) and entries (one per feature). */
export class ReservationsResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Lists reservation groups with their reservations and entries. */
  list(filter: { name?: string } = {}, options: ListOptions = {}): Paginated<ReservationGroup> {
    return new Paginated(
      async (page) => {
        const result = await this.#ctx.raw.GET('/reservationgroups', {
          params: { query: { ...filter, ...page } },
          ...requestInit(options),
        });
        return { items: unwrap(result) ?? [], total: totalCount(result.response) };
      },
      { pageSize: options.pageSize ?? this.#ctx.pageSize },
    );
  }

  /** Reads one reservation group. */
  async get(groupId: number, options?: CallOptions): Promise<ReservationGroup> {
    return unwrap(
      await this.#ctx.raw.GET('/reservationgroups/{groupId}', { params: { path: { groupId } }, ...requestInit(options) }),
    );
  }

  /**
   * Creates reservation groups from the import JSON (one group or an array), all or nothing.
   * With `dryRun`, the server checks everything and stores nothing.
   */
  async create(input: ReservationImport, options: CallOptions & { dryRun?: boolean } = {}): Promise<ReservationGroup[]> {
    const query = options.dryRun ? { dryRun: true } : {};
    return (
      unwrap(
        await this.#ctx.raw.POST('/reservationgroups', { params: { query }, body: input, ...requestInit(options) }),
      ) ?? []
    );
  }

  /** Replaces a group atomically (same rules as create); the group keeps its id. */
  async replace(groupId: number, input: GroupInput, options?: CallOptions): Promise<ReservationGroup> {
    return unwrap(
      await this.#ctx.raw.PUT('/reservationgroups/{groupId}', {
        params: { path: { groupId } },
        body: input,
        ...requestInit(options),
      }),
    );
  }

  /** Deletes a reservation group. */
  async delete(groupId: number, options?: CallOptions): Promise<void> {
    unwrap(
      await this.#ctx.raw.DELETE('/reservationgroups/{groupId}', { params: { path: { groupId } }, ...requestInit(options) }),
    );
  }

  /** Exports every group in the import format (no ids, no states). */
  async export(options?: CallOptions): Promise<GroupInput[]> {
    return unwrap(await this.#ctx.raw.GET('/reservations/export', requestInit(options))) ?? [];
  }

  /** Lists the reservations of a group, optionally for one host id. */
  reservations(groupId: number, filter: { hostid?: string } = {}, options: ListOptions = {}): Paginated<Reservation> {
    return new Paginated(
      async (page) => {
        const result = await this.#ctx.raw.GET('/reservationgroups/{groupId}/reservations', {
          params: { path: { groupId }, query: { ...filter, ...page } },
          ...requestInit(options),
        });
        return { items: unwrap(result) ?? [], total: totalCount(result.response) };
      },
      { pageSize: options.pageSize ?? this.#ctx.pageSize },
    );
  }

  /** Adds entries to a reservation. */
  async addEntries(
    groupId: number,
    reservationId: number,
    entries: EntryInput[],
    options?: CallOptions,
  ): Promise<ReservationEntry[]> {
    return (
      unwrap(
        await this.#ctx.raw.POST('/reservationgroups/{groupId}/reservations/{reservationId}/entries', {
          params: { path: { groupId, reservationId } },
          body: entries,
          ...requestInit(options),
        }),
      ) ?? []
    );
  }

  /** Deletes one reservation entry (the server answers 410 Gone on success). */
  async deleteEntry(groupId: number, reservationId: number, entryId: number, options?: CallOptions): Promise<void> {
    unwrap(
      await this.#ctx.raw.DELETE('/reservationgroups/{groupId}/reservations/{reservationId}/entries/{entryId}', {
        params: { path: { groupId, reservationId, entryId } },
        ...requestInit(options),
      }),
      GONE,
    );
  }
}
