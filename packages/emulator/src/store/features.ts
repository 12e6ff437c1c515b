import type { EmulatorContext } from '../context.js';
import { expiryText, isActive, type FeatureRecord } from '../licensing/records.js';

/** The `Feature` JSON of the spec, with usage figures computed from what clients hold. */
export function featureJson(ctx: EmulatorContext, record: FeatureRecord): Record<string, unknown> {
  const row = record.row;
  const usage = ctx.licensing.usage(record.id);
  const json: Record<string, unknown> = {
    id: row.id,
    featureId: row.feature_id,
    featureName: row.name,
    featureVersion: row.version,
    featureCount: row.count,
    used: usage.used,
    reserved: usage.reserved,
    assignedReserved: usage.assignedReserved,
    unassignedReserved: usage.unassignedReserved,
    sharedUsed: usage.sharedUsed,
    overdraftCount: row.overdraft,
    overdraftUsedCount: usage.overdraftUsed,
    uncappedOverdraft: row.uncapped_overdraft === 1,
    type: row.type,
    featureKind: row.feature_kind,
    vendor: row.vendor,
    vendorString: row.vendor_string,
    expiry: expiryText(row),
    receivedTime: new Date(row.received_time).toISOString(),
    borrowInterval: row.borrow_interval,
    renewInterval: row.renew_interval,
    meteredUndoInterval: row.metered_undo_interval,
    metered: row.metered === 1,
    meteredReusable: row.metered_reusable === 1,
    concurrent: row.concurrent === 1,
    uncounted: row.uncounted === 1,
    issuer: row.issuer,
    notice: row.notice,
    selectors: safeSelectors(row.selectors),
  };
  if (row.starts) json.starts = row.starts;
  if (row.issued) json.issued = row.issued;
  if (row.activation_id) json.activationId = row.activation_id;
  return json;
}

function safeSelectors(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
    }
  } catch {
    // fall through
  }
  return {};
}

/** Feature records matching the list filters, ordered by id. */
export function filterFeatures(
  ctx: EmulatorContext,
  filters: { activeOnly?: boolean | undefined; featureName?: string | undefined },
): readonly FeatureRecord[] {
  const now = ctx.clock.now();
  return ctx.licensing
    .records()
    .filter((r) => (filters.featureName === undefined || r.name === filters.featureName) && (!filters.activeOnly || isActive(r, now)));
}

/** What a new feature line needs; the rest has defaults. */
export interface NewFeature {
  featureId?: string;
  name: string;
  version: string;
  count?: number;
  uncounted?: boolean;
  overdraft?: number;
  uncappedOverdraft?: boolean;
  starts?: string | null;
  expiry?: string | null;
  issued?: string | null;
  issuer?: string;
  notice?: string;
  vendor?: string;
  vendorString?: string;
  borrowInterval?: number;
  renewInterval?: number;
  metered?: boolean;
  meteredReusable?: boolean;
  meteredUndoInterval?: number;
  concurrent?: boolean;
  type?: string;
  featureKind?: string;
  activationId?: string | null;
  selectors?: Record<string, string>;
}

/**
 * Inserts a feature line and returns its record id. The caller runs it in a transaction and
 * calls `ctx.licensing.invalidate()` afterwards.
 */
export function insertFeature(ctx: EmulatorContext, f: NewFeature): number {
  const info = ctx.db
    .prepare(
      `INSERT INTO features (feature_id, name, version, count, uncounted, overdraft, uncapped_overdraft, starts, expiry,
         issued, issuer, notice, vendor, vendor_string, received_time, borrow_interval, renew_interval, metered,
         metered_reusable, metered_undo_interval, concurrent, type, feature_kind, activation_id, selectors)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      f.featureId ?? `FID_${f.name}_${f.version}`,
      f.name,
      f.version,
      f.count ?? 0,
      f.uncounted ? 1 : 0,
      f.overdraft ?? 0,
      f.uncappedOverdraft ? 1 : 0,
      f.starts ?? null,
      f.expiry ?? 'permanent',
      f.issued ?? null,
      f.issuer ?? '',
      f.notice ?? '',
      f.vendor ?? '',
      f.vendorString ?? '',
      ctx.clock.now(),
      f.borrowInterval ?? 0,
      f.renewInterval ?? 0,
      f.metered ? 1 : 0,
      f.meteredReusable ? 1 : 0,
      f.meteredUndoInterval ?? 0,
      f.concurrent === false ? 0 : 1,
      f.type ?? (f.metered ? 'METERED' : 'CONCURRENT'),
      f.featureKind ?? 'NORMAL',
      f.activationId ?? null,
      JSON.stringify(f.selectors ?? {}),
    );
  return Number(info.lastInsertRowid);
}
