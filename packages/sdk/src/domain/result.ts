/** The outcome of a parser that never throws: the parsed value, or a message saying what was wrong. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Wraps a successfully parsed value. */
export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** Wraps a parse failure with a message meant for people. */
export function parseFailure<T = never>(error: string): ParseResult<T> {
  return { ok: false, error };
}

/** Renders a value for an error message: strings quoted, everything else as JSON or its type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
