/**
 * @licensedesk/sdk: a typed client for the FlexNet Embedded license server REST API, plus the
 * domain helpers administrators' tools need.
 */
export * from './client/index.js';
export * from './errors/index.js';
export * from './paging/index.js';
export * from './types.js';
export type { CallOptions } from './internal/call.js';
export type { BinaryInput } from './internal/binary.js';
export type { FetchFunction } from './internal/fetch.js';
export {
  parseServerAddress,
  resolveServerUrl,
  joinUrl,
  LOCAL_INSTANCE_ID,
  type ServerAddressResult,
  type ParsedServerAddress,
  type RejectedServerAddress,
  type ServerAddressProblem,
} from './url.js';
export * from './domain/index.js';
