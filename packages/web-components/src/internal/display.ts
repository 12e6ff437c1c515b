/**
 * Text for license values as the feature and device views show them. Every function returns plain
 * text; callers bind it as text, never as HTML.
 */
import { featureStatus, formatExpiry, parseExpiry, type FeatureStatus } from '@licensedesk/sdk';
import { DEFAULT_PAGE_SIZE } from '../context/manager-options-context.js';

/** Shown for a count that does not limit use (`uncounted` records). */
export const UNCOUNTED_TEXT = 'Uncounted';
/** Shown for a value the server did not send. */
export const NO_VALUE_TEXT = '—';

/**
 * An expiry as text: "Permanent" for `permanent`, an absent value and the year-0 sentinels; a
 * calendar date exactly as `YYYY-MM-DD` (never shifted by the viewer's time zone); the UTC instant
 * for a date-time. A value the SDK cannot read is shown as sent.
 */
export function expiryText(value: string | null | undefined): string {
  const parsed = parseExpiry(value);
  return parsed.ok ? formatExpiry(parsed.value) : String(value);
}

/** How each feature record status reads. */
export const FEATURE_STATUS_TEXT: Record<FeatureStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  'not-started': 'Not started',
};

/** A feature record's status at `now` as text: "Active", "Expired" or "Not started". */
export function featureStatusText(feature: { expiry?: string | null; starts?: string | null }, now?: Date | number): string {
  return FEATURE_STATUS_TEXT[featureStatus(feature, now)];
}

/** A count, or "Uncounted" when the record does not limit use. */
export function countText(count: number | null | undefined, uncounted?: boolean | null): string {
  if (uncounted === true || count === null) return UNCOUNTED_TEXT;
  return typeof count === 'number' && Number.isFinite(count) ? String(count) : NO_VALUE_TEXT;
}

/** A plain number, or a dash when absent. */
export function numberText(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : NO_VALUE_TEXT;
}

/** A flag as "Yes" / "No" (Metered, Counted). */
export function booleanText(value: boolean | null | undefined): 'Yes' | 'No' {
  return value === true ? 'Yes' : 'No';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * An expiry shown compactly: a date-time as local `YYYY-MM-DD HH:mm` (so it does not wrap), a
 * calendar date and "Permanent" as {@link expiryText} writes them. Put the full value from
 * {@link expiryTitle} in a `title`.
 */
export function compactExpiryText(value: string | null | undefined): string {
  const parsed = parseExpiry(value);
  if (!parsed.ok) return String(value);
  if (parsed.value.kind !== 'datetime') return formatExpiry(parsed.value);
  const d = new Date(parsed.value.instant);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** The full ISO value of a date-time expiry, for a `title`; undefined for dates and permanent. */
export function expiryTitle(value: string | null | undefined): string | undefined {
  const parsed = parseExpiry(value);
  return parsed.ok && parsed.value.kind === 'datetime' ? parsed.value.instant : undefined;
}

/** Any optional text, or a dash when absent or empty. */
export function optionalText(value: string | null | undefined): string {
  return typeof value === 'string' && value !== '' ? value : NO_VALUE_TEXT;
}

/** Longest piece of user-typed text a message repeats back (see {@link echoText}). */
export const ECHO_LIMIT = 60;

/**
 * Text the user typed, for repeating it in a message: at most `max` characters, then "…", so a
 * pasted megabyte never becomes a megabyte-wide message. Never splits a surrogate pair.
 */
export function echoText(text: string, max = ECHO_LIMIT): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** The largest page the views render at once, so the DOM stays small (C27). */
export const MAX_VIEW_PAGE_SIZE = 100;

/**
 * The page size a view uses: an explicit one when valid, else the manager option, capped at
 * {@link MAX_VIEW_PAGE_SIZE}.
 */
export function viewPageSize(explicit: number | null | undefined, fromOptions: number | null | undefined): number {
  const pick = [explicit, fromOptions].find((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0);
  return Math.min(pick ?? DEFAULT_PAGE_SIZE, MAX_VIEW_PAGE_SIZE);
}
