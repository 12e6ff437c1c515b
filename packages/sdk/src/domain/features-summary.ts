import { compareExpiry, parseExpiry, type Expiry } from './expiry.js';
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
}

/** One summary row: every record of one feature name and version added up. */
export interface FeatureSummary {
  featureName: string;
  featureVersion: string;
  /** How many feature records were added up. */
  records: number;
  /** True when every record is counted; false when any is uncounted (unlimited). */
  counted: boolean;
  /** True when any record is uncounted; the totals of counts are then `null`. */
  uncounted: boolean;
  /** Sum of `featureCount`, or `null` when any record is uncounted. */
  totalCount: number | null;
  totalUsed: number;
  /** `totalCount - totalUsed`, never below 0, or `null` when any record is uncounted. */
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
 */
export function summariseFeatures(features: readonly SummarisableFeature[]): FeatureSummary[] {
  const groups = new Map<string, FeatureSummary>();
  for (const feature of features) {
    const key = `${feature.featureName}\u0000${feature.featureVersion}`;
    let row = groups.get(key);
    if (!row) {
      row = {
        featureName: feature.featureName,
        featureVersion: feature.featureVersion,
        records: 0,
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
    row.totalAvailable = row.totalCount === null ? null : Math.max(0, row.totalCount - row.totalUsed);
  }
  return rows.sort((a, b) => {
    if (a.featureName !== b.featureName) return a.featureName < b.featureName ? -1 : 1;
    const byVersion = compareVersions(a.featureVersion, b.featureVersion);
    if (byVersion !== 0) return byVersion;
    return a.featureVersion < b.featureVersion ? -1 : a.featureVersion > b.featureVersion ? 1 : 0;
  });
}
