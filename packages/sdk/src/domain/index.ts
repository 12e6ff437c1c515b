export type { ParseResult } from './result.js';
export { parseVersion, isValidVersion, compareVersions, satisfiesVersion, type Version } from './version.js';
export {
  parseExpiry,
  isPermanent,
  isExpired,
  expiresWithin,
  compareExpiry,
  formatExpiry,
  expiryToInstant,
  PERMANENT,
  type Expiry,
} from './expiry.js';
export {
  normaliseHostId,
  sameHostId,
  hostIdKey,
  parseHostIdSpec,
  formatHostIdSpec,
  isHostIdType,
  DEFAULT_HOST_ID_TYPE,
  type HostId,
} from './hostid.js';
export { parseDuration, formatDuration } from './duration.js';
export {
  summariseFeatures,
  featureStatus,
  FEATURE_STATUSES,
  type FeatureStatus,
  type SummariseFeaturesOptions,
  type SummarisableFeature,
  type FeatureSummary,
} from './features-summary.js';
export { parseJsonWithLocation, type JsonParseResult, type JsonSyntaxError } from './json-location.js';
export {
  validateReservationImport,
  type ReservationGroupInput,
  type ReservationInput,
  type ReservationEntryInput,
  type ReservationImportContext,
  type ReservationImportResult,
  type ReservationProblem,
  type ReservationProblemCode,
} from './reservations-validate.js';
