import { notFound } from '../errors.js';
import { pageOf, sendList } from '../http/paging.js';
import {
  addEntries,
  createGroups,
  deleteEntry,
  deleteGroup,
  exportGroups,
  getGroup,
  listGroups,
  listReservationsOfGroup,
  type ReservationGroupJson,
} from '../store/reservations.js';
import type { RouteHandlers } from './types.js';

/** Thrown inside a dry run's transaction so that nothing it wrote is kept. */
class DryRunRollback extends Error {
  constructor(readonly result: ReservationGroupJson[]) {
    super('dry run');
  }
}

const noGroup = (id: number) => notFound('glsErr.notFound', `No reservation group ${id}.`, [String(id)]);

export const handlers: RouteHandlers = {
  listReservationGroups(ctx, request, reply) {
    const { name } = request.query as { name?: string };
    const { total, groups } = listGroups(ctx, { name }, pageOf(request));
    return sendList(reply, total, groups);
  },

  getReservationGroup(ctx, request) {
    const { groupId } = request.params as { groupId: number };
    const group = getGroup(ctx, groupId);
    if (!group) throw noGroup(groupId);
    return group;
  },

  createReservationGroups(ctx, request, reply) {
    const { dryRun } = request.query as { dryRun?: boolean };
    if (dryRun) {
      // The same checks and writes as an import, then rolled back. createGroups leaves the
      // licensing engine alone on a dry run, so (unlike a failed ctx.tx) nothing needs rebuilding
      // afterwards.
      try {
        ctx.db.transaction(() => {
          throw new DryRunRollback(createGroups(ctx, request.body, { ip: request.ip, dryRun: true }));
        })();
      } catch (error) {
        if (error instanceof DryRunRollback) return error.result;
        ctx.licensing.invalidate();
        throw error;
      }
    }
    const groups = ctx.tx(() => createGroups(ctx, request.body, { ip: request.ip }));
    ctx.log.info({ groups: groups.map((g) => g.name), by: request.principal?.user }, 'reservation groups created');
    reply.code(201);
    return groups;
  },

  replaceReservationGroup(ctx, request) {
    const { groupId } = request.params as { groupId: number };
    const groups = ctx.tx(() => {
      if (!ctx.db.prepare('SELECT 1 FROM reservation_groups WHERE id = ?').get(groupId)) throw noGroup(groupId);
      return createGroups(ctx, request.body, { ip: request.ip, replaceId: groupId });
    });
    return groups[0];
  },

  deleteReservationGroup(ctx, request, reply) {
    const { groupId } = request.params as { groupId: number };
    if (!ctx.tx(() => deleteGroup(ctx, groupId))) throw noGroup(groupId);
    reply.code(204).send();
  },

  listReservations(ctx, request, reply) {
    const { groupId } = request.params as { groupId: number };
    const { hostid } = request.query as { hostid?: string };
    if (!ctx.db.prepare('SELECT 1 FROM reservation_groups WHERE id = ?').get(groupId)) throw noGroup(groupId);
    const { total, reservations } = listReservationsOfGroup(ctx, groupId, hostid, pageOf(request));
    return sendList(reply, total, reservations);
  },

  addReservationEntries(ctx, request, reply) {
    const { groupId, reservationId } = request.params as { groupId: number; reservationId: number };
    const entries = ctx.tx(() => addEntries(ctx, groupId, reservationId, request.body));
    reply.code(201);
    return entries;
  },

  deleteReservationEntry(ctx, request, reply) {
    const { groupId, reservationId, entryId } = request.params as { groupId: number; reservationId: number; entryId: number };
    if (!ctx.tx(() => deleteEntry(ctx, groupId, reservationId, entryId))) {
      throw notFound('glsErr.notFound', `No entry ${entryId} in reservation ${reservationId} of group ${groupId}.`, [
        String(groupId),
        String(reservationId),
        String(entryId),
      ]);
    }
    // The real server answers a successful delete with 410 Gone.
    reply.code(410).send();
  },

  exportReservations(ctx) {
    return exportGroups(ctx);
  },
};
