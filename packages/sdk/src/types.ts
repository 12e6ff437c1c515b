/**
 * Types of the license server API, taken from the generated OpenAPI types.
 *
 * `InstancePaths` are the spec's paths relative to the instance prefix
 * (`/features` = `/api/1.0/instances/{instanceId}/features`), without the `instanceId`
 * parameter: the client's base URL already carries it. `client.raw` is typed with them.
 */
import type { components, operations, paths } from './generated/schema.js';

export type { components, operations, paths };

type Schemas = components['schemas'];

type InstancePrefix = '/api/1.0/instances/{instanceId}';
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type WithoutInstanceId<Path> = Omit<Path, 'instanceId'>;
type StripParameters<P> = P extends { path: infer Path }
  ? Simplify<
      Omit<P, 'path'> &
        (keyof WithoutInstanceId<Path> extends never ? { path?: never } : { path: WithoutInstanceId<Path> })
    >
  : P;
type StripOperation<O> = O extends { parameters: infer P } ? Simplify<Omit<O, 'parameters'> & { parameters: StripParameters<P> }> : O;
type StripPathItem<I> = { [M in keyof I]: M extends 'parameters' ? StripParameters<I[M]> : StripOperation<I[M]> };

/** The API's paths relative to `/api/1.0/instances/{instanceId}`, as `client.raw` takes them. */
export type InstancePaths = {
  [K in keyof paths as K extends `${InstancePrefix}${infer Rest}` ? Rest : never]: StripPathItem<paths[K]>;
};

/** The server's JSON error body. */
export type ErrorBody = Schemas['Error'];
export type HealthResponse = Schemas['HealthResponse'];
export type HealthInfo = Schemas['HealthInfo'];
export type AuthorizeResponse = Schemas['AuthorizeResponse'];
export type Role = Schemas['Role'];
export type User = Schemas['User'];
export type UserCreate = Schemas['UserCreate'];
export type PasswordChange = Schemas['PasswordChange'];
export type Feature = Schemas['Feature'];
export type FeatureUsage = Schemas['FeatureUsage'];
/** A served device ("client" in the API). */
export type Device = Schemas['Client'];
/** A served device with the features it holds. */
export type DeviceDetail = Schemas['ClientDetail'];
export type ConsumedFeature = Schemas['ConsumedFeature'];
export type ClientHostId = Schemas['ClientHostId'];
export type ServerHostId = Schemas['ServerHostId'];
export type HostIdList = Schemas['HostIdList'];
export type MachineType = Schemas['MachineType'];
export type Setting = Schemas['Setting'];
export type SettingValue = Schemas['SettingValue'];
export type SettingsUpdate = Schemas['SettingsUpdate'];
export type ReservationGroup = Schemas['ReservationGroup'];
export type Reservation = Schemas['Reservation'];
export type ReservationEntry = Schemas['ReservationEntry'];
/** One reservation group or an array of them, in the import/export JSON format. */
export type ReservationImport = Schemas['ReservationImport'];
export type LicensePool = Schemas['LicensePool'];
export type PoolFeature = Schemas['PoolFeature'];
export type ModelStatus = Schemas['ModelStatus'];
export type ModelEvaluateRequest = Schemas['ModelEvaluateRequest'];
export type ModelEvaluateResult = Schemas['ModelEvaluateResult'];
export type ModelRule = Schemas['ModelRule'];
export type ActivationRequest = Schemas['ActivationRequest'];
export type CapabilityResponseResult = Schemas['CapabilityResponseResult'];
export type LicenseChange = Schemas['LicenseChange'];
export type ClientKey = Schemas['ClientKey'];
export type ClientLicenseRequest = Schemas['ClientLicenseRequest'];
export type ClientLicenseResponse = Schemas['ClientLicenseResponse'];
export type RequestedFeature = Schemas['RequestedFeature'];
export type GrantedFeature = Schemas['GrantedFeature'];
export type DeniedFeature = Schemas['DeniedFeature'];
