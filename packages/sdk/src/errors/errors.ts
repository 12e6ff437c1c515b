/**
 * One error hierarchy for everything the SDK throws, built by one factory from an HTTP status
 * and body. Bodies are never assumed to be JSON: proxies answer with HTML, some successes have
 * no body, and the raw text is kept whenever it is not the server's JSON error shape.
 */

/** One problem inside a validation error: a JSON path, or a line and column in a model. */
export interface ErrorDetail {
  path?: string;
  line?: number;
  column?: number;
  message: string;
}

/** Base class of every error the SDK throws on purpose. */
export class LicenseDeskError extends Error {
  override name = 'LicenseDeskError';
}

/** What {@link createLicenseServerError} and the error constructors take. */
export interface LicenseServerErrorInit {
  status: number;
  /** Parsed JSON body, raw text, or undefined when there was no body. */
  body?: unknown;
  headers?: Headers;
  /** The URL that was called, for messages and logs. */
  url?: string;
  /** Overrides the message taken from the body. */
  message?: string;
}

const MAX_MESSAGE_TEXT = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toBodyValue(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function textSnippet(text: string): string {
  // HTML error pages from proxies: show their text, not their markup.
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > MAX_MESSAGE_TEXT ? `${plain.slice(0, MAX_MESSAGE_TEXT)}…` : plain;
}

function parseRetryAfter(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function parseDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((d) => {
    const detail: ErrorDetail = { message: typeof d.message === 'string' ? d.message : String(d.message ?? '') };
    if (typeof d.path === 'string') detail.path = d.path;
    if (typeof d.line === 'number') detail.line = d.line;
    if (typeof d.column === 'number') detail.column = d.column;
    return detail;
  });
}

/**
 * An HTTP error answer from the license server (or a proxy in front of it). `key` and
 * `arguments` come from the server's JSON error body (`glsErr.<name>`); `body` keeps the parsed
 * JSON, or the raw text when the body was not JSON (a proxy's HTML page, for instance).
 */
export class LicenseServerError extends LicenseDeskError {
  override name = 'LicenseServerError';
  /** HTTP status code. */
  readonly status: number;
  /** Server error key such as `glsErr.userAuthFailed`; undefined when the body had none. */
  readonly key: string | undefined;
  /** Arguments the server put into its message, in order. */
  readonly arguments: string[];
  /** Per-field or per-line problems of a validation error; empty otherwise. */
  readonly details: ErrorDetail[];
  /** The parsed JSON body, the raw text of a non-JSON body, or undefined when empty. */
  readonly body: unknown;
  /** Response headers, when known. */
  readonly headers: Headers | undefined;
  /** Seconds to wait before trying again, from `Retry-After` (429 and locked resources). */
  readonly retryAfter: number | undefined;
  /** The URL that was called, when known. */
  readonly url: string | undefined;

  constructor(init: LicenseServerErrorInit) {
    const body = toBodyValue(init.body);
    const json = isRecord(body) ? body : undefined;
    const serverMessage = typeof json?.message === 'string' && json.message !== '' ? json.message : undefined;
    const key = typeof json?.key === 'string' ? json.key : undefined;
    let message: string;
    if (init.message) message = init.message;
    else if (serverMessage) message = serverMessage;
    else if (key) message = `${key} (HTTP ${init.status})`;
    else if (typeof body === 'string' && textSnippet(body) !== '') message = `HTTP ${init.status}: ${textSnippet(body)}`;
    else message = `HTTP ${init.status} from the license server${init.url ? ` at ${init.url}` : ''}`;
    super(message);
    this.status = init.status;
    this.key = key;
    this.arguments = Array.isArray(json?.arguments) ? json.arguments.map((a) => String(a)) : [];
    this.details = parseDetails(json?.details);
    this.body = body;
    this.headers = init.headers;
    this.retryAfter = parseRetryAfter(init.headers);
    this.url = init.url;
  }
}

/** 401: credentials rejected (`glsErr.userAuthFailed`) or a missing/expired token (`glsErr.unauthorized`). */
export class UnauthorizedError extends LicenseServerError {
  override name = 'UnauthorizedError';
}

/** Alias of {@link UnauthorizedError}, for code that thinks in terms of "auth failed". */
export const AuthError = UnauthorizedError;
/** Alias of {@link UnauthorizedError}. */
export type AuthError = UnauthorizedError;

/** 403: the user lacks the role, the setting is producer-only, or the password must change first. */
export class ForbiddenError extends LicenseServerError {
  override name = 'ForbiddenError';
}

/** 404: no such record (or no model definition). */
export class NotFoundError extends LicenseServerError {
  override name = 'NotFoundError';
}

/** 409: the change conflicts with the server's state (duplicate names, short counts, locks). */
export class ConflictError extends LicenseServerError {
  override name = 'ConflictError';
}

/** 400 or 422: the request was malformed; see `details` for paths or line and column. */
export class ValidationError extends LicenseServerError {
  override name = 'ValidationError';
}

/** 413: the body is larger than the server accepts (a model definition over 900 KB). */
export class PayloadTooLargeError extends LicenseServerError {
  override name = 'PayloadTooLargeError';
}

/** 429: too many attempts; `retryAfter` says how many seconds to wait. */
export class TooManyRequestsError extends LicenseServerError {
  override name = 'TooManyRequestsError';
}

/** 5xx: the server or a proxy in front of it failed. */
export class ServerError extends LicenseServerError {
  override name = 'ServerError';
}

/**
 * The server could not be reached at all: refused connection, unknown host, TLS failure,
 * reset. `url` is the address tried and `cause` the runtime's original error.
 */
export class ConnectionError extends LicenseDeskError {
  override name = 'ConnectionError';
  /** The URL that could not be reached. */
  readonly url: string;

  constructor(init: { url: string; cause?: unknown; message?: string }) {
    super(init.message ?? `Could not reach the license server at ${init.url}.`, { cause: init.cause });
    this.url = init.url;
  }
}

/** The call was cancelled through its `AbortSignal` (or timed out through one). */
export class AbortError extends LicenseDeskError {
  override name = 'AbortError';
  /** The URL whose call was cancelled, when known. */
  readonly url: string | undefined;

  constructor(init: { url?: string; cause?: unknown; message?: string } = {}) {
    super(init.message ?? `The request${init.url ? ` to ${init.url}` : ''} was aborted.`, { cause: init.cause });
    this.url = init.url;
  }
}

/**
 * Builds the error for an HTTP error answer: picks the subclass from the status and reads
 * `key`, `message`, `arguments` and `details` from a JSON body when there is one. Never throws,
 * whatever the body holds.
 */
export function createLicenseServerError(init: LicenseServerErrorInit): LicenseServerError {
  const { status } = init;
  if (status === 401) return new UnauthorizedError(init);
  if (status === 403) return new ForbiddenError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 400 || status === 422) return new ValidationError(init);
  if (status === 413) return new PayloadTooLargeError(init);
  if (status === 429) return new TooManyRequestsError(init);
  if (status >= 500) return new ServerError(init);
  return new LicenseServerError(init);
}
