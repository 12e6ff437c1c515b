import { describeValue, parseFailure, parsed, type ParseResult } from './result.js';

/** A feature version split into its numeric parts; `minor` is 0 when the text had none. */
export interface Version {
  major: number;
  minor: number;
  /** Whether the text carried a minor part (`"2"` has none, `"2.0"` has one). */
  hasMinor: boolean;
}

const VERSION_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/** Parses a `major[.minor]` version string (digits only) such as `"1.10"`. */
export function parseVersion(text: string): ParseResult<Version> {
  const match = typeof text === 'string' ? VERSION_PATTERN.exec(text) : null;
  if (!match) {
    return parseFailure(
      `invalid version ${describeValue(text)}: expected digits with an optional ".minor" part, such as "1.0" or "2"`,
    );
  }
  const major = Number(match[1]);
  const minor = match[2] === undefined ? 0 : Number(match[2]);
  // A part longer than ~15 digits would lose precision as a number and compare wrongly.
  if (!Number.isSafeInteger(major) || !Number.isSafeInteger(minor)) {
    return parseFailure(`invalid version ${describeValue(text)}: a part is too large`);
  }
  return parsed({ major, minor, hasMinor: match[2] !== undefined });
}

/** Tells whether a string is a valid `major[.minor]` version. */
export function isValidVersion(text: unknown): text is string {
  return typeof text === 'string' && parseVersion(text).ok;
}

function toVersion(value: string | Version): Version | null {
  if (typeof value !== 'string') return value;
  const result = parseVersion(value);
  return result.ok ? result.value : null;
}

/**
 * Orders two versions numerically, major then minor with a missing minor as 0 (1.9 < 1.10 < 2);
 * invalid version strings sort after all valid ones, among themselves by their text.
 */
export function compareVersions(a: string | Version, b: string | Version): number {
  const va = toVersion(a);
  const vb = toVersion(b);
  if (va && vb) {
    if (va.major !== vb.major) return va.major < vb.major ? -1 : 1;
    if (va.minor !== vb.minor) return va.minor < vb.minor ? -1 : 1;
    return 0;
  }
  if (va) return -1;
  if (vb) return 1;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Tells whether an available version serves a request for another, i.e. `available >= requested`; false when either is invalid. */
export function satisfiesVersion(available: string | Version, requested: string | Version): boolean {
  const va = toVersion(available);
  const vr = toVersion(requested);
  if (!va || !vr) return false;
  return compareVersions(va, vr) >= 0;
}
