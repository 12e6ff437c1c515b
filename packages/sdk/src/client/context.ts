import type { Client } from 'openapi-fetch';
import type { CallOptions } from '../internal/call.js';
import type { InstancePaths } from '../types.js';

/** openapi-fetch's client over the instance-relative paths, with the SDK's middleware. */
export type RawClient = Client<InstancePaths>;

/** Options of helpers that return a paginated list. */
export interface ListOptions extends CallOptions {
  /** Records per page when iterating (default: the client's `pageSize`, else 100). */
  pageSize?: number;
}

/** What every resource helper works with. */
export interface ResourceContext {
  raw: RawClient;
  pageSize: number | undefined;
}

/** Request init for openapi-fetch from per-call options. */
export function requestInit(options: CallOptions | undefined): { signal?: AbortSignal; headers?: Record<string, string> } {
  const init: { signal?: AbortSignal; headers?: Record<string, string> } = {};
  if (options?.signal) init.signal = options.signal;
  if (options?.headers) init.headers = options.headers;
  return init;
}
