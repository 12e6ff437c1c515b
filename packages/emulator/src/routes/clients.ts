import { notFound } from '../errors.js';
import { pageOf, sendList } from '../http/paging.js';
import { clientJson, consumedFeatures, getClientRow, holdSummaries, listClients } from '../store/clients.js';
import type { RouteHandlers } from './types.js';

export const handlers: RouteHandlers = {
  listClients(ctx, request, reply) {
    const { hostid } = request.query as { hostid?: string };
    const { total, rows } = listClients(ctx, hostid, pageOf(request));
    const holds = holdSummaries(ctx, rows.map((r) => r.id));
    return sendList(reply, total, rows.map((row) => clientJson(ctx, row, holds.get(row.id))));
  },

  getClient(ctx, request) {
    const { clientId } = request.params as { clientId: number };
    const row = getClientRow(ctx, clientId);
    if (!row) throw notFound('glsErr.notFound', `No client ${clientId}.`, [String(clientId)]);
    const holds = holdSummaries(ctx, [row.id]);
    return { ...clientJson(ctx, row, holds.get(row.id)), features: consumedFeatures(ctx, row.id) };
  },

  deleteClient(ctx, request, reply) {
    const { clientId } = request.params as { clientId: number };
    if (!ctx.licensing.dropClient(clientId)) throw notFound('glsErr.notFound', `No client ${clientId}.`, [String(clientId)]);
    ctx.log.info({ clientId, by: request.principal?.user }, 'client dropped');
    reply.code(204).send();
  },
};
