import { describeValue, parseFailure, parsed, type ParseResult } from './result.js';

/**
 * When a feature or client stops being valid: never, at the end of a calendar day (UTC), or at an
 * exact instant.
 */
export type Expiry =
  | { kind: 'permanent' }
  | { kind: 'date'; /** `YYYY-MM-DD`, exactly as the calendar day. */ date: string }
  | { kind: 'datetime'; /** ISO 8601 instant in UTC, as `Date.prototype.toISOString` writes it. */ instant: string };

/** The one permanent expiry value. */
export const PERMANENT: Expiry = Object.freeze({ kind: 'permanent' });

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// FlexNet style `01-jan-2099`; FlexNet Publisher also writes the permanent sentinel as `1-jan-0`.
const DMY_DATE = /^(\d{1,2})-([a-z]{3})-(\d{4}|0)$/i;
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Milliseconds since the epoch for a UTC wall time; unlike `Date.UTC` it keeps years 0-99 as given. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function invalid(value: unknown): ParseResult<Expiry> {
  return parseFailure(
    `invalid expiry ${describeValue(value)}: expected "permanent", a date such as "2026-04-30" or "30-apr-2026", or an ISO 8601 date-time`,
  );
}

function dateExpiry(value: string, year: number, month: number, day: number): ParseResult<Expiry> {
  if (!validDay(year, month, day)) return invalid(value);
  // Year 0 is the FlexNet sentinel for "never expires" (`0000-01-01`, `01-jan-0000`, `1-jan-0`).
  if (year === 0) return parsed(PERMANENT);
  return parsed({ kind: 'date', date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` });
}

/**
 * Parses an expiry as servers send it, returning an error that names the value when it cannot be read.
 *
 * @remarks `permanent` (any case), an absent or empty value and the year-0 sentinels (`0000-01-01`,
 * `01-jan-0000`) are permanent; `YYYY-MM-DD` and `dd-mmm-yyyy` are calendar dates (`2099-01-01` is a
 * date, not permanent); ISO date-times are instants (UTC when no offset is given).
 */
export function parseExpiry(value: string | null | undefined): ParseResult<Expiry> {
  if (value === null || value === undefined) return parsed(PERMANENT);
  if (typeof value !== 'string') return invalid(value);
  const text = value.trim();
  if (text === '' || text.toLowerCase() === 'permanent') return parsed(PERMANENT);

  let match = ISO_DATE.exec(text);
  if (match) return dateExpiry(value, Number(match[1]), Number(match[2]), Number(match[3]));

  match = DMY_DATE.exec(text);
  if (match) {
    const month = MONTHS.indexOf((match[2] ?? '').toLowerCase() as (typeof MONTHS)[number]) + 1;
    if (month === 0) return invalid(value);
    return dateExpiry(value, Number(match[3]), month, Number(match[1]));
  }

  match = ISO_DATETIME.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, frac, zone] = match;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return invalid(value);
    if (year === 0) return parsed(PERMANENT);
    const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
    let offsetMinutes = 0;
    if (zone !== undefined && zone.toUpperCase() !== 'Z') {
      const digits = zone.slice(1).replace(':', '');
      const offHours = Number(digits.slice(0, 2));
      const offMinutes = Number(digits.slice(2));
      if (offHours > 23 || offMinutes > 59) return invalid(value);
      offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offHours * 60 + offMinutes);
    }
    const instant = utcMs(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
    return parsed({ kind: 'datetime', instant: new Date(instant).toISOString() });
  }
  return invalid(value);
}

/** Tells whether an expiry never expires. */
export function isPermanent(expiry: Expiry): boolean {
  return expiry.kind === 'permanent';
}

/**
 * The last moment an expiry is still valid, in epoch milliseconds: the end of the calendar day in UTC
 * for a date, the instant itself for a date-time, and `Infinity` for permanent.
 */
export function expiryToInstant(expiry: Expiry): number {
  switch (expiry.kind) {
    case 'permanent':
      return Number.POSITIVE_INFINITY;
    case 'date': {
      const [y, m, d] = expiry.date.split('-').map(Number);
      return utcMs(y ?? 0, m ?? 1, d ?? 1, 23, 59, 59, 999);
    }
    case 'datetime':
      return Date.parse(expiry.instant);
  }
}

function toMs(now: Date | number | undefined): number {
  if (now === undefined) return Date.now();
  return typeof now === 'number' ? now : now.getTime();
}

/** Tells whether an expiry has passed at `now` (default: the current time); permanent never has. */
export function isExpired(expiry: Expiry, now?: Date | number): boolean {
  return expiryToInstant(expiry) < toMs(now);
}

/**
 * Tells whether an expiry falls within the next `days` days from `now`; already expired and
 * permanent expiries do not.
 */
export function expiresWithin(expiry: Expiry, days: number, now?: Date | number): boolean {
  if (expiry.kind === 'permanent') return false;
  const at = expiryToInstant(expiry);
  const from = toMs(now);
  return at >= from && at <= from + days * DAY_MS;
}

/** Orders expiries from soonest to latest, with permanent last. */
export function compareExpiry(a: Expiry, b: Expiry): number {
  const ia = expiryToInstant(a);
  const ib = expiryToInstant(b);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/**
 * Formats an expiry for display: `Permanent`, the calendar date exactly as `YYYY-MM-DD` (never shifted
 * by the viewer's time zone), or the UTC instant in ISO 8601.
 */
export function formatExpiry(expiry: Expiry): string {
  switch (expiry.kind) {
    case 'permanent':
      return 'Permanent';
    case 'date':
      return expiry.date;
    case 'datetime':
      return expiry.instant;
  }
}
