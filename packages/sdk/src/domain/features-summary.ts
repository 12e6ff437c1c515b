import { compareExpiry, expiryToInstant, isExpired, parseExpiry, type Expiry } from './expiry.js';
import { compareVersions } from './version.js';

/** The fields of a feature record that the summary reads (a server `Feature` has them all). */
export interface SummarisableFeature {
  featureName: string;
  featureVersion: string;
  featureCount?: number | null;
  used?: number | null;
  uncounted?: boolean | null;
  overdraftCount?: number | null;
  metered?: boolean | null;
  expiry?: string | null;
  /** When the record starts to be valid (a date or date-time); absent or unreadable = already started. */
  starts?: string | null;
}

/** Whether a feature record can be served at a moment: its start date has come and its expiry has not passed. */
export const FEATURE_STATUSES = ['active', 'expired', 'not-started'] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

/** Options of {@link summariseFeatures}. */
export interface SummariseFeaturesOptions {
  /** The moment that decides which records are active (default: the current time). */
  now?: Date | number;
}

function toMs(now: Date | number | undefined): number {
  if (now === undefined) return Date.now();
  return typeof now === 'number' ? now : now.getTime();
}

/**
 * Tells whether a feature record is `active`, `expired` (its expiry passed) or `not-started` (its
 * `starts` date is still ahead) at `now` (default: the current time). A start date counts from the
 * beginning of that calendar day in UTC; an absent or unreadable `expiry`/`starts` does not make a
 * record inactive.
 */
export function featureStatus(feature: Pick<SummarisableFeature, 'expiry' | 'starts'>, now?: Date | number): FeatureStatus {
  const at = toMs(now);
  const expiry = parseExpiry(feature.expiry);
  if (expiry.ok && isExpired(expiry.value, at)) return 'expired';
  const starts = parseExpiry(feature.starts);
  if (starts.ok && starts.value.kind !== 'permanent') {
    const from = starts.value.kind === 'date' ? Date.parse(`${starts.value.date}T00:00:00Z`) : expiryToInstant(starts.value);
    if (from > at) return 'not-started';
  }
  return 'active';
}

/** One summary row: every record of one feature name and version added up. */
export interface FeatureSummary {
  featureName: string;
  featureVersion: string;
  /** How many feature records were added up. */
  records: number;
  /** How many of them are active at the summary's `now` (neither expired nor not yet started). */
  activeRecords: number;
  /** True when every record is counted; false when any is uncounted (unlimited). */
  counted: boolean;
  /** True when any record is uncounted; the totals of counts are then `null`. */
  uncounted: boolean;
  /** Sum of `featureCount` over every record (active or not), or `null` when any record is uncounted. */
  totalCount: number | null;
  /** Sum of `used` over every record. */
  totalUsed: number;
  /**
   * What can still be served: the sum of `featureCount - used` (each never below 0) over the
   * *active* records only (expired and not-yet-started records serve nothing); `null` when any
   * record is uncounted.
   */
  totalAvailable: number | null;
  totalOverdraft: number;
  /** True when any record is metered. */
  metered: boolean;
  /** The soonest expiry among the records (permanent only when all are permanent); null when none could be read. */
  firstExpiration: Expiry | null;
  /** The latest expiry among the records, permanent when any is; null when none could be read. */
  lastExpiration: Expiry | null;
}

function whole(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Adds up feature records per (name, version) the way a summary view shows them, ordered by name and
 * then numerically by version; versions are grouped by their exact text (`1` and `1.0` stay apart).
 * Total Count and Total Used add up every record; Total Available only the records active at
 * `options.now` (default: the current time), see {@link featureStatus}.
 */
export function summariseFeatures(features: readonly SummarisableFeature[], options: SummariseFeaturesOptions = {}): FeatureSummary[] {
  const now = toMs(options.now);
  const groups = new Map<string, FeatureSummary>();
  const activeCount = new Map<FeatureSummary, number>();
  for (const feature of features) {
    const key = `${feature.featureName}\u0000${feature.featureVersion}`;
    let row = groups.get(key);
    if (!row) {
      row = {
        featureName: feature.featureName,
        featureVersion: feature.featureVersion,
        records: 0,
        activeRecords: 0,
        counted: true,
        uncounted: false,
        totalCount: 0,
        totalUsed: 0,
        totalAvailable: 0,
        totalOverdraft: 0,
        metered: false,
        firstExpiration: null,
        lastExpiration: null,
      };
      groups.set(key, row);
    }
    row.records += 1;
    if (feature.uncounted === true) {
      row.uncounted = true;
      row.counted = false;
    }
    row.totalCount = row.uncounted ? null : whole(row.totalCount) + whole(feature.featureCount);
    row.totalUsed += whole(feature.used);
    if (featureStatus(feature, now) === 'active') {
      row.activeRecords += 1;
      activeCount.set(row, (activeCount.get(row) ?? 0) + Math.max(0, whole(feature.featureCount) - whole(feature.used)));
    }
    row.totalOverdraft += whole(feature.overdraftCount);
    row.metered ||= feature.metered === true;
    // An unreadable expiry is left out of first/last rather than guessed at.
    const expiry = parseExpiry(feature.expiry);
    if (expiry.ok) {
      if (!row.firstExpiration || compareExpiry(expiry.value, row.firstExpiration) < 0) row.firstExpiration = expiry.value;
      if (!row.lastExpiration || compareExpiry(expiry.value, row.lastExpiration) > 0) row.lastExpiration = expiry.value;
    }
  }
  const rows = [...groups.values()];
  for (const row of rows) {
    row.totalAvailable = row.totalCount === null ? null : Math.max(0, activeCount.get(row) ?? 0);
  }
  return rows.sort((a, b) => {
    if (a.featureName !== b.featureName) return a.featureName < b.featureName ? -1 : 1;
    const byVersion = compareVersions(a.featureVersion, b.featureVersion);
    if (byVersion !== 0) return byVersion;
    return a.featureVersion < b.featureVersion ? -1 : a.featureVersion > b.featureVersion ? 1 : 0;
  });
}
