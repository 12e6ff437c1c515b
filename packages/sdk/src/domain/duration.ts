import { describeValue, parseFailure, parsed, type ParseResult } from './result.js';

/** Seconds in each duration unit, largest first. */
const UNITS = [
  ['w', 604_800],
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
] as const;

const DURATION_PATTERN = /^(\d+)([smhdw]?)$/;
const DURATION_HELP = 'duration must be a number with optional s/m/h/d/w suffix';

/**
 * Parses a server duration such as `30s`, `5m`, `2h`, `1d`, `1w` or a bare number of seconds (`300`)
 * into seconds.
 */
export function parseDuration(value: string | number): ParseResult<number> {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? parsed(value)
      : parseFailure(`invalid duration ${describeValue(value)}: ${DURATION_HELP} (whole, not negative)`);
  }
  if (typeof value !== 'string') return parseFailure(`invalid duration ${describeValue(value)}: ${DURATION_HELP}`);
  const match = DURATION_PATTERN.exec(value.trim());
  if (!match) return parseFailure(`invalid duration ${describeValue(value)}: ${DURATION_HELP}, such as "30s", "5m" or "1w"`);
  const unit = UNITS.find(([suffix]) => suffix === (match[2] || 's'));
  const seconds = Number(match[1]) * (unit ? unit[1] : 1);
  if (!Number.isSafeInteger(seconds)) return parseFailure(`invalid duration ${describeValue(value)}: too large`);
  return parsed(seconds);
}

/** Formats seconds in the largest unit that divides them exactly (`604800` -> `1w`, `90` -> `90s`). */
export function formatDuration(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new RangeError(`formatDuration needs a whole, non-negative number of seconds, got ${seconds}`);
  }
  if (seconds === 0) return '0s';
  for (const [suffix, size] of UNITS) {
    if (seconds % size === 0) return `${seconds / size}${suffix}`;
  }
  return `${seconds}s`;
}
