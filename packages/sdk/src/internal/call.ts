/** Turning openapi-fetch results into values or typed errors. Not public. */
import { createLicenseServerError } from '../errors/errors.js';

/** The shape of every openapi-fetch result. */
export interface RawResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** Per-call options every helper takes. */
export interface CallOptions {
  /** Cancels the call; it then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Extra request headers for this call. */
  headers?: Record<string, string>;
}

/**
 * Returns the data of a successful result, or throws the typed error for the response.
 * `successStatuses` lists non-2xx statuses that mean success (the real server answers some
 * deletes with 410 Gone).
 */
export function unwrap<D>(result: RawResult<D>, successStatuses: readonly number[] = []): D {
  const { response } = result;
  if (response.ok || successStatuses.includes(response.status)) return result.data as D;
  throw createLicenseServerError({
    status: response.status,
    body: result.error,
    headers: response.headers,
    url: response.url || undefined,
  });
}

/** Reads `X-Total-Count`; null when absent or not a number. */
export function totalCount(response: Response): number | null {
  const value = response.headers.get('X-Total-Count');
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : null;
}
