import { expiryToInstant, parseExpiry, parseVersion } from '@licensedesk/sdk';

/** A `features` table row. */
export interface FeatureRow {
  id: number;
  feature_id: string;
  name: string;
  version: string;
  count: number;
  uncounted: number;
  overdraft: number;
  uncapped_overdraft: number;
  starts: string | null;
  expiry: string | null;
  issued: string | null;
  issuer: string;
  notice: string;
  vendor: string;
  vendor_string: string;
  received_time: number;
  borrow_interval: number;
  renew_interval: number;
  metered: number;
  metered_reusable: number;
  metered_undo_interval: number;
  concurrent: number;
  type: string;
  feature_kind: string;
  activation_id: string | null;
  selectors: string;
}

/** A feature record as the licensing engine works with it (times in epoch ms). */
export interface FeatureRecord {
  id: number;
  featureId: string;
  name: string;
  version: string;
  major: number;
  minor: number;
  count: number;
  uncounted: boolean;
  overdraft: number;
  uncappedOverdraft: boolean;
  /** First valid instant; null = no start date. */
  startsAt: number | null;
  /** Last valid instant; Infinity = permanent. */
  expiresAt: number;
  /** Borrow interval of the line in seconds; 0 = none set. */
  borrowInterval: number;
  metered: boolean;
  meteredReusable: boolean;
  meteredUndoInterval: number;
  vendorString: string;
  row: FeatureRow;
}

export function toRecord(row: FeatureRow): FeatureRecord {
  const version = parseVersion(row.version);
  const expiry = parseExpiry(row.expiry);
  let startsAt: number | null = null;
  if (row.starts) {
    const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(row.starts) ? `${row.starts}T00:00:00Z` : row.starts);
    startsAt = Number.isNaN(t) ? null : t;
  }
  return {
    id: row.id,
    featureId: row.feature_id,
    name: row.name,
    version: row.version,
    major: version.ok ? version.value.major : 0,
    minor: version.ok ? version.value.minor : 0,
    count: row.count,
    uncounted: row.uncounted === 1,
    overdraft: row.overdraft,
    uncappedOverdraft: row.uncapped_overdraft === 1,
    startsAt,
    expiresAt: expiry.ok ? expiryToInstant(expiry.value) : Number.POSITIVE_INFINITY,
    borrowInterval: row.borrow_interval,
    metered: row.metered === 1,
    meteredReusable: row.metered_reusable === 1,
    meteredUndoInterval: row.metered_undo_interval,
    vendorString: row.vendor_string,
    row,
  };
}

/** True when the record may serve at `now`: started (or no start) and not expired. */
export function isActive(record: FeatureRecord, now: number): boolean {
  return (record.startsAt === null || record.startsAt <= now) && now <= record.expiresAt;
}

/** `a >= b` for versions. */
export function versionAtLeast(record: { major: number; minor: number }, wanted: { major: number; minor: number }): boolean {
  return record.major > wanted.major || (record.major === wanted.major && record.minor >= wanted.minor);
}

/**
 * The order records are consumed in: lowest version first (keep newer versions for requests that
 * need them), then soonest expiry, then id.
 */
export function serveOrder(a: FeatureRecord, b: FeatureRecord): number {
  return a.major - b.major || a.minor - b.minor || (a.expiresAt < b.expiresAt ? -1 : a.expiresAt > b.expiresAt ? 1 : 0) || a.id - b.id;
}

/** The expiry as the API writes it: `permanent` or the stored date text. */
export function expiryText(row: Pick<FeatureRow, 'expiry'>): string {
  const parsed = parseExpiry(row.expiry);
  if (!parsed.ok || parsed.value.kind === 'permanent') return 'permanent';
  return row.expiry!.trim();
}

/** An instant as the API writes it (ISO 8601 UTC), or null for never. */
export function instantText(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  return new Date(ms).toISOString();
}
