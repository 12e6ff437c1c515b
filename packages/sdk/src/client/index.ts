export { LicenseServerClient, createLicenseServerClient, type LicenseServerClientOptions } from './client.js';
export type { RawClient, ListOptions } from './context.js';
export {
  memoryTokenStore,
  decodeToken,
  sessionFromToken,
  type TokenStore,
  type Credentials,
  type Session,
  type TokenClaims,
} from './session.js';
export { HealthResource } from './resources/health.js';
export { FeaturesResource, type FeatureFilter } from './resources/features.js';
export { DevicesResource, type DeviceFilter } from './resources/devices.js';
export { HostIdsResource } from './resources/hostids.js';
export { SettingsResource } from './resources/settings.js';
export { UsersResource } from './resources/users.js';
export { ReservationsResource } from './resources/reservations.js';
export { PoolsResource } from './resources/pools.js';
export { ModelResource } from './resources/model.js';
export { OfflineResource, type CapabilityResponseInput } from './resources/offline.js';
export { KeysResource } from './resources/keys.js';
export { LicensingResource } from './resources/licensing.js';
