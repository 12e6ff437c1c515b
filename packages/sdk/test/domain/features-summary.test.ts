import { describe, expect, test } from 'vitest';
import { featureStatus, formatExpiry, summariseFeatures, type SummarisableFeature } from '../../src/domain/index.js';

function feature(overrides: Partial<SummarisableFeature> & Pick<SummarisableFeature, 'featureName' | 'featureVersion'>): SummarisableFeature {
  return { featureCount: 1, used: 0, uncounted: false, overdraftCount: 0, metered: false, expiry: 'permanent', ...overrides };
}

const NOW = Date.parse('2026-06-15T12:00:00Z');

describe('featureStatus', () => {
  test('is active, expired or not started at now', () => {
    expect(featureStatus({ expiry: 'permanent' }, NOW)).toBe('active');
    expect(featureStatus({ expiry: '2026-06-15' }, NOW)).toBe('active'); // valid to the end of the day
    expect(featureStatus({ expiry: '2026-06-14' }, NOW)).toBe('expired');
    expect(featureStatus({ expiry: '2026-06-15T11:59:59Z' }, NOW)).toBe('expired');
    expect(featureStatus({ expiry: 'permanent', starts: '2026-06-15' }, NOW)).toBe('active'); // from the start of the day
    expect(featureStatus({ expiry: 'permanent', starts: '2026-06-16' }, NOW)).toBe('not-started');
    expect(featureStatus({ expiry: 'permanent', starts: '2026-06-15T13:00:00Z' }, NOW)).toBe('not-started');
    expect(featureStatus({ expiry: 'not a date', starts: 'nor this' }, NOW)).toBe('active');
    expect(featureStatus({ expiry: null, starts: null }, NOW)).toBe('active');
  });
});

describe('summariseFeatures', () => {
  test('Total Available counts only active records; Total Count and Used count every record', () => {
    const [row] = summariseFeatures(
      [
        feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 5, used: 1 }),
        feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 10, used: 0, expiry: '2026-01-01' }),
        feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 7, used: 0, starts: '2027-01-01' }),
      ],
      { now: NOW },
    );
    expect(row).toMatchObject({ records: 3, activeRecords: 1, totalCount: 22, totalUsed: 1, totalAvailable: 4 });
    // At another moment the same records give another answer.
    const [later] = summariseFeatures(
      [
        feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 5, used: 1 }),
        feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 7, used: 0, starts: '2027-01-01' }),
      ],
      { now: Date.parse('2027-02-01T00:00:00Z') },
    );
    expect(later).toMatchObject({ activeRecords: 2, totalAvailable: 11 });
  });

  test('an over-used record does not lower what the other records have available', () => {
    const [row] = summariseFeatures(
      [
        feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 2, used: 4 }),
        feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 3, used: 1 }),
      ],
      { now: NOW },
    );
    expect(row).toMatchObject({ totalCount: 5, totalUsed: 5, totalAvailable: 2 });
  });

  test('C09: f1 1.0 x5 permanent and x2 expiring 2026-04-30 add up to 7 with first 2026-04-30 and last Permanent; f1 2.0 stays separate', () => {
    const rows = summariseFeatures([
      feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 5, used: 1, expiry: 'permanent' }),
      feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 2, used: 2, expiry: '2026-04-30' }),
      feature({ featureName: 'f1', featureVersion: '2.0', featureCount: 1, expiry: '2027-01-01' }),
    ]);
    expect(rows).toHaveLength(2);
    const [v1, v2] = rows;
    expect(v1).toMatchObject({ featureName: 'f1', featureVersion: '1.0', records: 2, totalCount: 7, totalUsed: 3, totalAvailable: 4 });
    expect(formatExpiry(v1!.firstExpiration!)).toBe('2026-04-30');
    expect(formatExpiry(v1!.lastExpiration!)).toBe('Permanent');
    expect(v2).toMatchObject({ featureName: 'f1', featureVersion: '2.0', records: 1, totalCount: 1 });
    expect(formatExpiry(v2!.firstExpiration!)).toBe('2027-01-01');
    expect(formatExpiry(v2!.lastExpiration!)).toBe('2027-01-01');
  });

  test('orders by name and then numerically by version', () => {
    const rows = summariseFeatures([
      feature({ featureName: 'f2', featureVersion: '1.0' }),
      feature({ featureName: 'f1', featureVersion: '1.10' }),
      feature({ featureName: 'f1', featureVersion: '2' }),
      feature({ featureName: 'f1', featureVersion: '1.9' }),
    ]);
    expect(rows.map((r) => `${r.featureName} ${r.featureVersion}`)).toEqual(['f1 1.9', 'f1 1.10', 'f1 2', 'f2 1.0']);
  });

  test('keeps versions with different text apart', () => {
    const rows = summariseFeatures([feature({ featureName: 'f1', featureVersion: '1' }), feature({ featureName: 'f1', featureVersion: '1.0' })]);
    expect(rows.map((r) => r.featureVersion)).toEqual(['1', '1.0']);
  });

  test('an uncounted record makes the totals uncounted', () => {
    const [row] = summariseFeatures([
      feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 3 }),
      feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 0, uncounted: true, used: 4 }),
      feature({ featureName: 'f1', featureVersion: '1.0', featureCount: 3 }),
    ]);
    expect(row).toMatchObject({ uncounted: true, counted: false, totalCount: null, totalAvailable: null, totalUsed: 4 });
  });

  test('adds up overdraft and flags metered when any record is', () => {
    const [row] = summariseFeatures([
      feature({ featureName: 'm', featureVersion: '1.0', overdraftCount: 2 }),
      feature({ featureName: 'm', featureVersion: '1.0', overdraftCount: 3, metered: true }),
    ]);
    expect(row).toMatchObject({ totalOverdraft: 5, metered: true, counted: true, uncounted: false });
  });

  test('never shows negative availability when overdraft is in use', () => {
    const [row] = summariseFeatures([feature({ featureName: 'f', featureVersion: '1.0', featureCount: 2, used: 3, overdraftCount: 1 })]);
    expect(row?.totalAvailable).toBe(0);
  });

  test('reads every permanent form and uses the earliest date first', () => {
    const [row] = summariseFeatures([
      feature({ featureName: 'f', featureVersion: '1.0', expiry: null }),
      feature({ featureName: 'f', featureVersion: '1.0', expiry: '01-jan-0000' }),
      feature({ featureName: 'f', featureVersion: '1.0', expiry: '2030-01-01' }),
      feature({ featureName: 'f', featureVersion: '1.0', expiry: '2029-06-01T00:00:00Z' }),
    ]);
    expect(formatExpiry(row!.firstExpiration!)).toBe('2029-06-01T00:00:00.000Z');
    expect(formatExpiry(row!.lastExpiration!)).toBe('Permanent');
  });

  test('when all records are permanent, first and last are Permanent', () => {
    const [row] = summariseFeatures([feature({ featureName: 'f', featureVersion: '1.0' }), feature({ featureName: 'f', featureVersion: '1.0', expiry: undefined })]);
    expect(row?.firstExpiration).toEqual({ kind: 'permanent' });
    expect(row?.lastExpiration).toEqual({ kind: 'permanent' });
  });

  test('leaves unreadable expiries out rather than failing', () => {
    const [row] = summariseFeatures([
      feature({ featureName: 'f', featureVersion: '1.0', expiry: 'soon' }),
      feature({ featureName: 'f', featureVersion: '1.0', expiry: '2026-04-30' }),
    ]);
    expect(row?.records).toBe(2);
    expect(formatExpiry(row!.firstExpiration!)).toBe('2026-04-30');
    const [only] = summariseFeatures([feature({ featureName: 'g', featureVersion: '1.0', expiry: 'soon' })]);
    expect(only?.firstExpiration).toBeNull();
  });

  test('returns an empty list for no features', () => {
    expect(summariseFeatures([])).toEqual([]);
  });
});
