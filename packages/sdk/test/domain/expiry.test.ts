import { afterEach, describe, expect, test } from 'vitest';
import {
  compareExpiry,
  expiresWithin,
  expiryToInstant,
  formatExpiry,
  isExpired,
  isPermanent,
  parseExpiry,
  type Expiry,
} from '../../src/domain/index.js';

function expiry(value: string | null | undefined): Expiry {
  const result = parseExpiry(value);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const NOW = Date.UTC(2026, 3, 10, 12, 0, 0); // 2026-04-10T12:00:00Z

describe('parseExpiry', () => {
  test.each(['permanent', 'PERMANENT', 'Permanent', '  permanent  ', '', '0000-01-01', '01-jan-0000', '1-JAN-0', '0000-01-01T00:00:00Z'])(
    'reads %j as permanent',
    (value) => {
      expect(parseExpiry(value)).toEqual({ ok: true, value: { kind: 'permanent' } });
    },
  );

  test('reads null and undefined as permanent', () => {
    expect(expiry(null)).toEqual({ kind: 'permanent' });
    expect(expiry(undefined)).toEqual({ kind: 'permanent' });
  });

  test('reads 2099-01-01 as a date, not as permanent', () => {
    expect(expiry('2099-01-01')).toEqual({ kind: 'date', date: '2099-01-01' });
  });

  test('reads dd-mmm-yyyy dates in any case', () => {
    expect(expiry('01-jan-2099')).toEqual({ kind: 'date', date: '2099-01-01' });
    expect(expiry('30-APR-2026')).toEqual({ kind: 'date', date: '2026-04-30' });
    expect(expiry('5-Dec-2027')).toEqual({ kind: 'date', date: '2027-12-05' });
  });

  test('reads a date-time with an offset as a UTC instant', () => {
    expect(expiry('2026-04-30T23:30:00+02:00')).toEqual({ kind: 'datetime', instant: '2026-04-30T21:30:00.000Z' });
    expect(expiry('2026-04-30T10:00:00.5-0130')).toEqual({ kind: 'datetime', instant: '2026-04-30T11:30:00.500Z' });
  });

  test('reads a date-time without an offset as UTC, whatever the local time zone', () => {
    expect(expiry('2026-04-30 08:15')).toEqual({ kind: 'datetime', instant: '2026-04-30T08:15:00.000Z' });
  });

  test.each(['2026-02-30', '2026-13-01', '2025-02-29', '31-apr-2026', '01-foo-2026', 'tomorrow', '2026/04/30', '26-04-30', '2026-04-30T24:00:00Z', '01-jan-99'])(
    'rejects %j naming the value',
    (value) => {
      const result = parseExpiry(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(JSON.stringify(value));
    },
  );

  test('accepts 29 February in a leap year only', () => {
    expect(expiry('2028-02-29')).toEqual({ kind: 'date', date: '2028-02-29' });
    expect(parseExpiry('2100-02-29').ok).toBe(false);
  });
});

describe('expiry arithmetic', () => {
  test('a date is valid until the end of that day in UTC', () => {
    expect(new Date(expiryToInstant(expiry('2026-04-30'))).toISOString()).toBe('2026-04-30T23:59:59.999Z');
    expect(isExpired(expiry('2026-04-10'), NOW)).toBe(false);
    expect(isExpired(expiry('2026-04-09'), NOW)).toBe(true);
  });

  test('a date-time expires at its instant', () => {
    expect(isExpired(expiry('2026-04-10T11:59:59Z'), NOW)).toBe(true);
    expect(isExpired(expiry('2026-04-10T12:00:00Z'), NOW)).toBe(false);
  });

  test('permanent never expires and is never about to', () => {
    const permanent = expiry('permanent');
    expect(isPermanent(permanent)).toBe(true);
    expect(expiryToInstant(permanent)).toBe(Number.POSITIVE_INFINITY);
    expect(isExpired(permanent, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(expiresWithin(permanent, 100_000, NOW)).toBe(false);
  });

  test('expiresWithin counts dates inside the window and not already expired ones', () => {
    expect(expiresWithin(expiry('2026-05-09'), 30, NOW)).toBe(true);
    expect(expiresWithin(expiry('2026-05-10'), 30, NOW)).toBe(false);
    expect(expiresWithin(expiry('2026-04-01'), 30, NOW)).toBe(false);
  });

  test('accepts a Date for now', () => {
    expect(isExpired(expiry('2026-04-09'), new Date(NOW))).toBe(true);
  });

  test('C10: permanent, absent, 0000-01-01 and 01-jan-0000 are permanent; 2099-01-01 is a date; a 30-day alert list over them is empty', () => {
    const values = ['permanent', null, undefined, '0000-01-01', '01-jan-0000', '2099-01-01', '01-jan-2099'];
    const parsed = values.map(expiry);
    expect(parsed.map(formatExpiry)).toEqual(['Permanent', 'Permanent', 'Permanent', 'Permanent', 'Permanent', '2099-01-01', '2099-01-01']);
    expect(parsed.filter((e) => expiresWithin(e, 30, NOW))).toEqual([]);
    expect(parsed.filter((e) => isExpired(e, NOW))).toEqual([]);
  });
});

describe('compareExpiry', () => {
  test('orders soonest first and permanent last', () => {
    const sorted = ['permanent', '2027-01-01', '2026-04-30T10:00:00Z', '2026-04-30', null].map(expiry).sort(compareExpiry);
    expect(sorted.map(formatExpiry)).toEqual(['2026-04-30T10:00:00.000Z', '2026-04-30', '2027-01-01', 'Permanent', 'Permanent']);
  });

  test('two permanent expiries are equal', () => {
    expect(compareExpiry(expiry('permanent'), expiry(null))).toBe(0);
  });
});

describe('formatExpiry', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  test.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])(
    'shows a date-only expiry as the same calendar date in %s',
    (zone) => {
      process.env.TZ = zone;
      expect(formatExpiry(expiry('2026-01-01'))).toBe('2026-01-01');
      expect(formatExpiry(expiry('01-jan-2026'))).toBe('2026-01-01');
      expect(new Date(expiryToInstant(expiry('2026-01-01'))).toISOString()).toBe('2026-01-01T23:59:59.999Z');
    },
  );

  test('shows permanent as Permanent and a date-time as its UTC instant', () => {
    expect(formatExpiry({ kind: 'permanent' })).toBe('Permanent');
    expect(formatExpiry(expiry('2026-04-30T12:00:00+01:00'))).toBe('2026-04-30T11:00:00.000Z');
  });
});
