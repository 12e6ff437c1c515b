import { notFound } from '../errors.js';
import { pageOf, sendList, slicePage } from '../http/paging.js';
import { clientJson, holdSummaries, type ClientRow } from '../store/clients.js';
import { featureJson, filterFeatures } from '../store/features.js';
import { instantText } from '../licensing/records.js';
import type { RouteHandlers } from './types.js';

export const handlers: RouteHandlers = {
  listFeatures(ctx, request, reply) {
    const q = request.query as { activeOnly?: boolean; featureName?: string };
    const records = filterFeatures(ctx, q);
    return sendList(reply, records.length, slicePage(records, pageOf(request)).map((r) => featureJson(ctx, r)));
  },

  getFeature(ctx, request) {
    const { id } = request.params as { id: number };
    const record = ctx.licensing.record(id);
    if (!record) throw notFound('glsErr.notFound', `No feature record ${id}.`, [String(id)]);
    return featureJson(ctx, record);
  },

  listFeatureClients(ctx, request, reply) {
    const { id } = request.params as { id: number };
    if (!ctx.licensing.record(id)) throw notFound('glsErr.notFound', `No feature record ${id}.`, [String(id)]);
    const page = pageOf(request);
    const total = (
      ctx.db.prepare('SELECT COUNT(DISTINCT client_id) AS n FROM grants WHERE feature_id = ?').get(id) as { n: number }
    ).n;
    const usages = ctx.db
      .prepare(
        `SELECT MIN(id) AS id, client_id, SUM(count) AS use_count,
                SUM(CASE WHEN reservation_entry_id IS NOT NULL THEN count ELSE 0 END) AS reserved_count,
                MAX(borrow_expiry) AS borrow, SUM(borrow_expiry IS NULL) AS permanent
         FROM grants WHERE feature_id = ? GROUP BY client_id ORDER BY client_id LIMIT ? OFFSET ?`,
      )
      .all(id, page.limit, page.offset) as {
      id: number;
      client_id: number;
      use_count: number;
      reserved_count: number;
      borrow: number | null;
      permanent: number;
    }[];
    const ids = usages.map((u) => u.client_id);
    const clients = new Map<number, ClientRow>();
    if (ids.length > 0) {
      const rows = ctx.db
        .prepare(`SELECT * FROM clients WHERE id IN (${ids.map(() => '?').join(',')})`)
        .all(...ids) as ClientRow[];
      for (const row of rows) clients.set(row.id, row);
    }
    const holds = holdSummaries(ctx, ids);
    return sendList(
      reply,
      total,
      usages.map((u) => ({
        id: u.id,
        useCount: u.use_count,
        usageKind: u.reserved_count > 0 ? 'RESERVED' : 'NORMAL',
        reservedCount: u.reserved_count,
        expiry: u.permanent > 0 ? null : instantText(u.borrow),
        client: clientJson(ctx, clients.get(u.client_id)!, holds.get(u.client_id)),
      })),
    );
  },
};
