import { normaliseHostId, parseHostIdSpec } from '@licensedesk/sdk';
import type { EmulatorContext } from '../context.js';
import type { Page } from '../http/paging.js';
import { expiryText, instantText } from '../licensing/records.js';

export interface ClientRow {
  id: number;
  hostid_key: string;
  hostid_value: string;
  hostid_type: string;
  request_hostid_value: string;
  request_hostid_type: string;
  alias: string | null;
  host_name: string | null;
  host_type: string | null;
  machine_type: string;
  correlation_id: string | null;
  previous_correlation_id: string | null;
  suspected_duplicate: number;
  dictionary: string;
  created_at: number;
  update_time: number;
  request_operation: string;
}

interface HoldSummary {
  client_id: number;
  holds: number;
  max_expiry: number | null;
  permanent: number;
  overdue: number;
}

/** The `Client` JSON of the spec, plus `suspectedDuplicate` and `pendingReclaim` (ours, C28). */
export function clientJson(ctx: EmulatorContext, row: ClientRow, holds: HoldSummary | undefined): Record<string, unknown> {
  const selected = ctx.settings.getString('server.hostid.selected');
  const server = selected ? parseHostIdSpec(selected) : null;
  const holding = (holds?.holds ?? 0) > 0;
  const expiry = !holding || (holds?.permanent ?? 0) > 0 ? null : instantText(holds?.max_expiry ?? null);
  const json: Record<string, unknown> = {
    id: row.id,
    servedStatus: holding ? 'NORMAL' : 'INACTIVE',
    hostid: { hostidValue: row.hostid_value, hostidType: row.hostid_type },
    requestHostid: { hostidValue: row.request_hostid_value, hostidType: row.request_hostid_type },
    alias: row.alias,
    hostName: row.host_name,
    hostType: row.host_type,
    machineType: row.machine_type,
    correlationId: row.correlation_id,
    updateTime: new Date(row.update_time).toISOString(),
    expiry,
    trusted: true,
    requestOperation: row.request_operation,
    suspectedDuplicate: row.suspected_duplicate === 1,
    pendingReclaim: (holds?.overdue ?? 0) > 0,
  };
  if (server) json.serverHostid = { hostidValue: server.value, hostidType: server.type };
  if (row.suspected_duplicate === 1 && row.previous_correlation_id) json.previousCorrelationId = row.previous_correlation_id;
  const next = ctx.licensing.nextReclaimAt();
  if (json.pendingReclaim && next !== null) json.nextExpiryCheck = new Date(next).toISOString();
  return json;
}

/** Hold summaries (count, latest borrow expiry, overdue holds) for the given clients. */
export function holdSummaries(ctx: EmulatorContext, ids: readonly number[]): Map<number, HoldSummary> {
  const result = new Map<number, HoldSummary>();
  if (ids.length === 0) return result;
  const now = ctx.clock.now();
  // Chunks keep the statement under SQLite's parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = ctx.db
      .prepare(
        `SELECT client_id, COUNT(*) AS holds, MAX(borrow_expiry) AS max_expiry,
                SUM(borrow_expiry IS NULL) AS permanent, SUM(borrow_expiry IS NOT NULL AND borrow_expiry <= ?) AS overdue
         FROM grants WHERE client_id IN (${chunk.map(() => '?').join(',')}) GROUP BY client_id`,
      )
      .all(now, ...chunk) as HoldSummary[];
    for (const row of rows) result.set(row.client_id, row);
  }
  return result;
}

/** The next string after every string starting with `prefix` (binary order), or null. */
function prefixUpperBound(prefix: string): string | null {
  const chars = [...prefix];
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) return chars.join('') + String.fromCodePoint(last + 1 === 0xd800 ? 0xe000 : last + 1);
  }
  return null;
}

/** SQL condition and parameters for the `hostid` filter (exact, or prefix with a trailing `*`). */
export function hostIdFilter(
  column: string,
  filter: string | undefined,
): { sql: string; params: unknown[]; indexable?: boolean } {
  if (!filter) return { sql: '1', params: [] };
  if (filter.endsWith('*')) {
    const prefix = filter.slice(0, -1);
    if (prefix === '') return { sql: '1', params: [] };
    const variants = new Set([prefix]);
    // ETHERNET values are stored without separators in upper case.
    if (/^[0-9a-f:-]+$/i.test(prefix)) variants.add(prefix.replace(/[:-]/g, '').toUpperCase());
    const parts: string[] = [];
    const params: unknown[] = [];
    let indexable = true;
    for (const p of variants) {
      const upper = prefixUpperBound(p);
      if (upper === null) {
        indexable = false;
        parts.push(`substr(${column}, 1, ?) = ?`);
        params.push(p.length, p);
      } else {
        parts.push(`(${column} >= ? AND ${column} < ?)`);
        params.push(p, upper);
      }
    }
    return { sql: `(${parts.join(' OR ')})`, params, indexable };
  }
  const variants = new Set([filter]);
  if (/^[0-9a-f:-]+$/i.test(filter)) variants.add(normaliseHostId({ value: filter, type: 'ETHERNET' }).value);
  return { sql: `${column} IN (${[...variants].map(() => '?').join(',')})`, params: [...variants], indexable: true };
}

/**
 * The `hostid` filter as a predicate: exact, or a prefix with a trailing `*`; ETHERNET values
 * compare ignoring case and `:`/`-`.
 */
export function hostIdMatcher(filter: string | undefined): (value: string, type: string) => boolean {
  if (!filter) return () => true;
  const prefix = filter.endsWith('*');
  const wanted = prefix ? filter.slice(0, -1) : filter;
  const ethernet = normaliseHostId({ value: wanted, type: 'ETHERNET' }).value;
  return (value, type) => {
    if (prefix ? value.startsWith(wanted) : value === wanted) return true;
    if (type.toUpperCase() !== 'ETHERNET') return false;
    const normal = normaliseHostId({ value, type: 'ETHERNET' }).value;
    return prefix ? normal.startsWith(ethernet) : normal === ethernet;
  };
}

/** One page of clients, ordered by id, and the total. */
export function listClients(ctx: EmulatorContext, filter: string | undefined, page: Page): { total: number; rows: ClientRow[] } {
  if (!filter) {
    // Without a filter, COUNT(*) reads the b-tree's count directly instead of scanning.
    const total = (ctx.db.prepare('SELECT COUNT(*) AS n FROM clients').get() as { n: number }).n;
    const rows = ctx.db.prepare('SELECT * FROM clients ORDER BY id LIMIT ? OFFSET ?').all(page.limit, page.offset) as ClientRow[];
    return { total, rows };
  }
  const where = hostIdFilter('hostid_value', filter);
  const total = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM clients WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
  if (total === 0) return { total, rows: [] };
  const all = (ctx.db.prepare('SELECT COUNT(*) AS n FROM clients').get() as { n: number }).n;
  // A narrow filter reads the host id index and sorts the few matching ids; a wide one walks the
  // table in id order (SQLite's planner guesses wrong here without statistics).
  const hint = where.indexable && total * 3 < all ? 'INDEXED BY clients_hostid_value' : '';
  const ids = (
    ctx.db
      .prepare(`SELECT id FROM clients ${hint} WHERE ${where.sql} ORDER BY id LIMIT ? OFFSET ?`)
      .all(...where.params, page.limit, page.offset) as { id: number }[]
  ).map((r) => r.id);
  if (ids.length === 0) return { total, rows: [] };
  const rows = ctx.db
    .prepare(`SELECT * FROM clients WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`)
    .all(...ids) as ClientRow[];
  return { total, rows };
}

export function getClientRow(ctx: EmulatorContext, id: number): ClientRow | undefined {
  return ctx.db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
}

/** What a client holds, one line per feature record (`ConsumedFeature`). */
export function consumedFeatures(ctx: EmulatorContext, clientId: number): Record<string, unknown>[] {
  const rows = ctx.db
    .prepare(
      `SELECT feature_id, SUM(count) AS used, MAX(borrow_expiry) AS borrow, SUM(borrow_expiry IS NULL) AS permanent
       FROM grants WHERE client_id = ? GROUP BY feature_id ORDER BY feature_id`,
    )
    .all(clientId) as { feature_id: number; used: number; borrow: number | null; permanent: number }[];
  return rows.flatMap((row) => {
    const record = ctx.licensing.record(row.feature_id);
    if (!record) return [];
    return [
      {
        featureId: record.featureId,
        featureName: record.name,
        featureVersion: record.version,
        used: row.used,
        expiry: expiryText(record.row),
        starts: record.row.starts,
        vendorString: record.vendorString,
        borrowExpiry: row.permanent > 0 ? null : instantText(row.borrow),
      },
    ];
  });
}
