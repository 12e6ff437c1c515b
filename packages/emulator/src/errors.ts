/** One problem inside a request: a JSON-path-like pointer (or a line/column) and what is wrong there. */
export interface ErrorDetail {
  path?: string;
  line?: number;
  column?: number;
  message: string;
}

/** The error body every route answers with: `{ key, message, arguments, details? }`. */
export interface ErrorBody {
  key: string;
  message: string;
  arguments: string[];
  details?: ErrorDetail[];
}

/**
 * An error a handler throws to answer with a given status and `glsErr.*` key; the app's error
 * handler turns it into the shared error body.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly key: string;
  readonly args: string[];
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    key: string,
    message: string,
    options: { args?: unknown[]; details?: ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.key = key.startsWith('glsErr.') ? key : `glsErr.${key}`;
    this.args = (options.args ?? []).map((a) => String(a));
    this.details = options.details;
    this.headers = options.headers;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { key: this.key, message: this.message, arguments: this.args };
    if (this.details && this.details.length > 0) body.details = this.details;
    return body;
  }
}

export const badRequest = (key: string, message: string, details?: ErrorDetail[], args?: unknown[]) =>
  new ApiError(400, key, message, { details, args });
export const notFound = (key: string, message: string, args?: unknown[]) => new ApiError(404, key, message, { args });
export const conflict = (key: string, message: string, details?: ErrorDetail[], args?: unknown[]) =>
  new ApiError(409, key, message, { details, args });
export const forbidden = (key: string, message: string, args?: unknown[]) => new ApiError(403, key, message, { args });
export const unauthorized = (message = 'A valid token is required: log in with POST authorize first.') =>
  new ApiError(401, 'glsErr.unauthorized', message);
