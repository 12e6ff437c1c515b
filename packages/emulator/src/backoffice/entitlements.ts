import type { FeatureTerms, GrantedActivation, GrantedFeature, HeldActivation, RequestPayload } from './format.js';

/**
 * One feature record of an entitlement, per unit of its activation id. `count` and `overdraftCount`
 * are multiplied by the units a request asks for; everything else is copied as is.
 */
export interface EntitlementFeature extends FeatureTerms {
  /** Count per unit; may be left out (or 0) for uncounted records. */
  count?: number;
  /** Stable id of the record; defaults to `<activationId>-<n>` (1-based position in the list). */
  featureId?: string;
  /** Overdraft per unit. */
  overdraftCount?: number;
}

/** An activation id's entitlement: its records per unit, and the units a capability request grants when the server holds none. */
export interface Entitlement {
  /** Units granted by a capability request when the server does not hold this activation yet (default 1). */
  count: number;
  features: EntitlementFeature[];
}

/** Activation id -> entitlement. */
export type Entitlements = Map<string, Entitlement>;

/** An entitlement file that does not follow the documented format; `path` points at the bad value. */
export class EntitlementError extends Error {
  override readonly name = 'EntitlementError';

  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const VERSION = /^\d+(\.\d+)?$/;
const STRING_FIELDS = ['featureId', 'expiry', 'starts', 'issued', 'vendor', 'vendorString', 'issuer', 'notice'] as const;
const BOOLEAN_FIELDS = ['uncounted', 'metered', 'meteredReusable', 'concurrent', 'uncappedOverdraft'] as const;
const COUNT_FIELDS = ['count', 'overdraftCount', 'borrowInterval', 'renewInterval', 'meteredUndoInterval'] as const;
const KNOWN_FIELDS = new Set<string>(['featureName', 'featureVersion', 'selectors', ...STRING_FIELDS, ...BOOLEAN_FIELDS, ...COUNT_FIELDS]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFeature(value: unknown, path: string): EntitlementFeature {
  if (!isObject(value)) throw new EntitlementError(path, 'a feature record must be an object');
  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.has(key)) throw new EntitlementError(`${path}.${key}`, 'unknown field');
  }
  const { featureName, featureVersion } = value;
  if (typeof featureName !== 'string' || featureName.length === 0) {
    throw new EntitlementError(`${path}.featureName`, 'must be a non-empty string');
  }
  if (typeof featureVersion !== 'string' || !VERSION.test(featureVersion)) {
    throw new EntitlementError(`${path}.featureVersion`, 'must be a version string such as "1.0" (digits, optionally one dot)');
  }
  const feature: EntitlementFeature = { featureName, featureVersion };
  for (const key of STRING_FIELDS) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new EntitlementError(`${path}.${key}`, 'must be a string');
    feature[key] = v;
  }
  for (const key of BOOLEAN_FIELDS) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') throw new EntitlementError(`${path}.${key}`, 'must be true or false');
    feature[key] = v;
  }
  for (const key of COUNT_FIELDS) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new EntitlementError(`${path}.${key}`, 'must be a whole number, 0 or more');
    }
    feature[key] = v;
  }
  if (value.selectors !== undefined) {
    const s = value.selectors;
    if (!isObject(s) || Object.values(s).some((v) => typeof v !== 'string')) {
      throw new EntitlementError(`${path}.selectors`, 'must be an object of string values');
    }
    feature.selectors = s as Record<string, string>;
  }
  if (!feature.uncounted && feature.count === undefined) {
    throw new EntitlementError(`${path}.count`, 'is required unless the record is uncounted');
  }
  return feature;
}

/**
 * Reads an entitlement file: a JSON object keyed by activation id whose values are either a list of
 * feature records (one unit each) or `{ "count": units, "features": [...] }`.
 */
export function parseEntitlements(json: unknown): Entitlements {
  if (!isObject(json)) throw new EntitlementError('$', 'the entitlement file must be a JSON object keyed by activation id');
  const out: Entitlements = new Map();
  for (const [activationId, value] of Object.entries(json)) {
    const path = `$[${JSON.stringify(activationId)}]`;
    if (activationId.length === 0) throw new EntitlementError(path, 'an activation id must not be empty');
    let units = 1;
    let list: unknown;
    if (Array.isArray(value)) {
      list = value;
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        if (key !== 'count' && key !== 'features') throw new EntitlementError(`${path}.${key}`, 'unknown field (expected count and features)');
      }
      if (value.count !== undefined) {
        if (typeof value.count !== 'number' || !Number.isInteger(value.count) || value.count < 0) {
          throw new EntitlementError(`${path}.count`, 'must be a whole number, 0 or more');
        }
        units = value.count;
      }
      list = value.features;
      if (!Array.isArray(list)) throw new EntitlementError(`${path}.features`, 'must be a list of feature records');
    } else {
      throw new EntitlementError(path, 'must be a list of feature records or { "count", "features" }');
    }
    const features = (list as unknown[]).map((f, i) => parseFeature(f, `${path}${Array.isArray(value) ? '' : '.features'}[${i}]`));
    const ids = new Set<string>();
    features.forEach((f, i) => {
      const id = f.featureId ?? `${activationId}-${i + 1}`;
      if (ids.has(id)) throw new EntitlementError(`${path}[${i}].featureId`, `duplicate feature id ${JSON.stringify(id)}`);
      ids.add(id);
    });
    out.set(activationId, { count: units, features });
  }
  return out;
}

/** The records of one activation id multiplied out for `units` (0 units grants nothing). */
export function grantActivation(activationId: string, entitlement: Entitlement, units: number): GrantedActivation {
  if (units === 0) return { activationId, count: 0, features: [] };
  const features = entitlement.features.map((f, i): GrantedFeature => {
    const { count, overdraftCount, featureId, ...rest } = f;
    const granted: GrantedFeature = {
      ...rest,
      featureId: featureId ?? `${activationId}-${i + 1}`,
      count: f.uncounted ? 0 : (count ?? 0) * units,
    };
    if (overdraftCount !== undefined) granted.overdraftCount = overdraftCount * units;
    return granted;
  });
  return { activationId, count: units, features };
}

/** Why a back office refuses to answer a request. */
export class RefusedRequestError extends Error {
  override readonly name = 'RefusedRequestError';
}

/**
 * What the back office grants for a request:
 * - activation request for id X with count N: X with N units (N = 0: X with nothing, which returns it);
 *   refused when X is not in the entitlement file;
 * - capability request: every activation id in the file, at the units the server holds or else the
 *   file's `count`; activation ids the server holds that the file no longer lists are granted nothing.
 */
export function grantForRequest(request: RequestPayload, entitlements: Entitlements): GrantedActivation[] {
  if (request.type === 'activation') {
    const entitlement = entitlements.get(request.activationId);
    if (!entitlement) {
      throw new RefusedRequestError(`The entitlement file has no activation id ${JSON.stringify(request.activationId)}.`);
    }
    return [grantActivation(request.activationId, entitlement, request.count)];
  }
  const held = new Map<string, HeldActivation>(request.activations.map((a) => [a.activationId, a]));
  const out: GrantedActivation[] = [];
  for (const [activationId, entitlement] of entitlements) {
    out.push(grantActivation(activationId, entitlement, held.get(activationId)?.count ?? entitlement.count));
  }
  for (const activationId of held.keys()) {
    if (!entitlements.has(activationId)) out.push({ activationId, count: 0, features: [] });
  }
  return out;
}
