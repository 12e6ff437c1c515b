import { describeValue } from './result.js';
import { formatHostIdSpec, hostIdKey, isHostIdType, type HostId } from './hostid.js';
import { parseVersion } from './version.js';

/** One feature entry of a reservation in the import format. */
export interface ReservationEntryInput {
  featureName: string;
  featureVersion: string;
  featureCount: number;
}

/** The reservations of one host id in the import format. */
export interface ReservationInput {
  hostId: HostId;
  reservationEntries: ReservationEntryInput[];
}

/** A reservation group in the import/export format; without a name the server generates one. */
export interface ReservationGroupInput {
  name?: string;
  reservations: ReservationInput[];
}

/** What kind of problem a reservation import has, so callers can map it to their own handling. */
export type ReservationProblemCode =
  | 'wrongType'
  | 'missingField'
  | 'unknownField'
  | 'emptyValue'
  | 'emptyList'
  | 'invalidCount'
  | 'invalidVersion'
  | 'invalidHostIdType'
  | 'invalidHostIdValue'
  | 'duplicateHostId'
  | 'duplicateGroupName'
  | 'duplicateEntry'
  | 'existingGroupName'
  | 'existingHostId';

/** One problem found in a reservation import, pointing at the offending value. */
export interface ReservationProblem {
  /** JSON path of the offending value, e.g. `$[1].reservations[0].reservationEntries[2].featureCount`. */
  path: string;
  /** The group it belongs to: its name when it has a valid one, else its index in the posting. */
  group?: string | number;
  code: ReservationProblemCode;
  message: string;
}

/** The outcome of `validateReservationImport`. */
export interface ReservationImportResult {
  /** True when there are no problems and `groups` can be posted as is. */
  ok: boolean;
  /** The posting as an array of groups, keeping only the well-formed parts when there are problems. */
  groups: ReservationGroupInput[];
  problems: ReservationProblem[];
}

/** What the server already holds, to report clashes before posting. */
export interface ReservationImportContext {
  /** Names of the reservation groups that already exist. */
  existingGroups?: readonly string[];
  /** Host ids that already have a reservation in an existing group. */
  existingHostIds?: readonly HostId[];
}

const GROUP_FIELDS = ['name', 'reservations'];
const RESERVATION_FIELDS = ['hostId', 'reservationEntries'];
const HOST_ID_FIELDS = ['value', 'type'];
const ENTRY_FIELDS = ['featureName', 'featureVersion', 'featureCount'];
// Fields a server listing has but the import format does not; named so the message can say why.
const SERVER_FIELDS = new Set(['id', 'creationDate', 'ipAddress', 'state']);
const ETHERNET_VALUE = /^[0-9A-F]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${describeValue(value)}`;
}

function fieldPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

class Validator {
  readonly problems: ReservationProblem[] = [];
  private readonly hostIds = new Map<string, { path: string; group: string | number }>();
  private readonly groupNames = new Map<string, string>();
  private readonly existingGroups: Set<string>;
  private readonly existingHostIds: Set<string>;
  private group: string | number = 0;

  constructor(context: ReservationImportContext) {
    this.existingGroups = new Set(context.existingGroups ?? []);
    this.existingHostIds = new Set((context.existingHostIds ?? []).map(hostIdKey));
  }

  report(path: string, code: ReservationProblemCode, message: string): void {
    this.problems.push({ path, group: this.group, code, message });
  }

  checkFields(value: Record<string, unknown>, allowed: readonly string[], path: string, what: string): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const why = SERVER_FIELDS.has(key)
        ? `is assigned by the server and is not part of the import format`
        : `is not a field of ${what} (expected ${allowed.join(', ')})`;
      this.report(fieldPath(path, key), 'unknownField', `unknown field "${key}": ${why}`);
    }
  }

  text(owner: Record<string, unknown>, key: string, path: string): string | null {
    const at = fieldPath(path, key);
    const value = owner[key];
    if (value === undefined) {
      this.report(at, 'missingField', `${key} is required`);
      return null;
    }
    if (typeof value !== 'string') {
      this.report(at, 'wrongType', `${key} must be a string, not ${kindOf(value)}`);
      return null;
    }
    if (value.trim() === '') {
      this.report(at, 'emptyValue', `${key} must not be empty`);
      return null;
    }
    return value;
  }

  list(owner: Record<string, unknown>, key: string, path: string, what: string): unknown[] | null {
    const at = fieldPath(path, key);
    const value = owner[key];
    if (value === undefined) {
      this.report(at, 'missingField', `${key} is required`);
      return null;
    }
    if (!Array.isArray(value)) {
      this.report(at, 'wrongType', `${key} must be an array, not ${kindOf(value)}`);
      return null;
    }
    if (value.length === 0) this.report(at, 'emptyList', `${key} must contain at least one ${what}`);
    return value;
  }

  groupAt(value: unknown, index: number, path: string): ReservationGroupInput | null {
    this.group = index;
    if (!isRecord(value)) {
      this.report(path, 'wrongType', `a reservation group must be an object, not ${kindOf(value)}`);
      return null;
    }
    const group: ReservationGroupInput = { reservations: [] };
    // A missing (or null) name is legal: the server then generates the group's id.
    if (value.name !== undefined && value.name !== null) {
      const name = this.text(value, 'name', path);
      if (name !== null) {
        group.name = name;
        this.group = name;
        const namePath = fieldPath(path, 'name');
        const first = this.groupNames.get(name);
        if (first !== undefined) {
          this.report(namePath, 'duplicateGroupName', `group name "${name}" is used twice in this posting (first at ${first})`);
        } else {
          this.groupNames.set(name, namePath);
        }
        if (this.existingGroups.has(name)) {
          this.report(namePath, 'existingGroupName', `a reservation group named "${name}" already exists on the server`);
        }
      }
    }
    this.checkFields(value, GROUP_FIELDS, path, 'a reservation group');
    const reservations = this.list(value, 'reservations', path, 'reservation');
    reservations?.forEach((item, i) => {
      const reservation = this.reservationAt(item, `${fieldPath(path, 'reservations')}[${i}]`);
      if (reservation) group.reservations.push(reservation);
    });
    return group;
  }

  hostIdAt(owner: Record<string, unknown>, path: string): HostId | null {
    const at = fieldPath(path, 'hostId');
    const value = owner.hostId;
    if (value === undefined) {
      this.report(at, 'missingField', 'hostId is required');
      return null;
    }
    if (!isRecord(value)) {
      this.report(at, 'wrongType', `hostId must be an object {"value", "type"}, not ${kindOf(value)}`);
      return null;
    }
    this.checkFields(value, HOST_ID_FIELDS, at, 'a host id');
    const hostValue = this.text(value, 'value', at);
    const type = this.text(value, 'type', at);
    if (type !== null && !isHostIdType(type)) {
      this.report(fieldPath(at, 'type'), 'invalidHostIdType', `host id type ${describeValue(type)} must be an upper-case type such as ETHERNET, USER or STRING`);
      return null;
    }
    if (hostValue === null || type === null) return null;
    if (type === 'ETHERNET' && !ETHERNET_VALUE.test(hostValue.replace(/[:-]/g, ''))) {
      this.report(fieldPath(at, 'value'), 'invalidHostIdValue', `ETHERNET host id ${describeValue(hostValue)} must be 12 hexadecimal digits (":" and "-" separators allowed)`);
      return null;
    }
    const hostId = { value: hostValue, type };
    const key = hostIdKey(hostId);
    const first = this.hostIds.get(key);
    if (first) {
      const where = typeof first.group === 'string' ? `group "${first.group}"` : `group #${first.group}`;
      this.report(at, 'duplicateHostId', `host id ${formatHostIdSpec(hostId)} already appears at ${first.path} (${where}); a host id may appear only once in the whole posting`);
    } else {
      this.hostIds.set(key, { path: at, group: this.group });
    }
    if (this.existingHostIds.has(key)) {
      this.report(at, 'existingHostId', `host id ${formatHostIdSpec(hostId)} already has a reservation on the server`);
    }
    return hostId;
  }

  reservationAt(value: unknown, path: string): ReservationInput | null {
    if (!isRecord(value)) {
      this.report(path, 'wrongType', `a reservation must be an object, not ${kindOf(value)}`);
      return null;
    }
    this.checkFields(value, RESERVATION_FIELDS, path, 'a reservation');
    const hostId = this.hostIdAt(value, path);
    const entries = this.list(value, 'reservationEntries', path, 'entry');
    const reservation: ReservationInput | null = hostId ? { hostId, reservationEntries: [] } : null;
    const seen = new Map<string, string>();
    entries?.forEach((item, i) => {
      const entryPath = `${fieldPath(path, 'reservationEntries')}[${i}]`;
      const entry = this.entryAt(item, entryPath);
      if (!entry) return;
      const version = parseVersion(entry.featureVersion);
      const key = `${entry.featureName}\u0000${version.ok ? `${version.value.major}.${version.value.minor}` : entry.featureVersion}`;
      const first = seen.get(key);
      if (first !== undefined) {
        this.report(entryPath, 'duplicateEntry', `feature ${entry.featureName} ${entry.featureVersion} is already reserved for this host id at ${first}`);
        return;
      }
      seen.set(key, entryPath);
      reservation?.reservationEntries.push(entry);
    });
    return reservation;
  }

  entryAt(value: unknown, path: string): ReservationEntryInput | null {
    if (!isRecord(value)) {
      this.report(path, 'wrongType', `a reservation entry must be an object, not ${kindOf(value)}`);
      return null;
    }
    this.checkFields(value, ENTRY_FIELDS, path, 'a reservation entry');
    const featureName = this.text(value, 'featureName', path);
    let featureVersion: string | null = null;
    const versionPath = fieldPath(path, 'featureVersion');
    if (value.featureVersion === undefined) {
      this.report(versionPath, 'missingField', 'featureVersion is required');
    } else if (typeof value.featureVersion !== 'string') {
      this.report(versionPath, 'wrongType', `featureVersion must be a string such as "1.0", not ${kindOf(value.featureVersion)}`);
    } else if (!parseVersion(value.featureVersion).ok) {
      this.report(versionPath, 'invalidVersion', `featureVersion ${describeValue(value.featureVersion)} must be digits with an optional ".minor" part, such as "1.0"`);
    } else {
      featureVersion = value.featureVersion;
    }
    let featureCount: number | null = null;
    const countPath = fieldPath(path, 'featureCount');
    const count = value.featureCount;
    if (count === undefined) {
      this.report(countPath, 'missingField', 'featureCount is required');
    } else if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
      // Never coerced: a string such as "2" is an error, as on the server.
      this.report(countPath, 'invalidCount', `featureCount must be a positive whole number, not ${kindOf(count)}`);
    } else {
      featureCount = count;
    }
    if (featureName === null || featureVersion === null || featureCount === null) return null;
    return { featureName, featureVersion, featureCount };
  }
}

/**
 * Checks a reservation import (one group object or an array of groups) before it is posted, reporting every problem with a JSON path.
 *
 * @remarks Checks value types and required fields, positive whole counts (never coerced), versions,
 * unknown fields, a host id at most once in the whole posting (ETHERNET compared ignoring case and
 * separators), unique group names, one entry per feature version per reservation, and clashes with
 * what the server already holds. A missing name is legal.
 */
export function validateReservationImport(
  json: unknown,
  context: ReservationImportContext = {},
): ReservationImportResult {
  const validator = new Validator(context);
  const groups: ReservationGroupInput[] = [];
  if (Array.isArray(json)) {
    if (json.length === 0) validator.report('$', 'emptyList', 'the posting contains no reservation group');
    json.forEach((item, i) => {
      const group = validator.groupAt(item, i, `$[${i}]`);
      if (group) groups.push(group);
    });
  } else {
    const group = validator.groupAt(json, 0, '$');
    if (group) groups.push(group);
  }
  return { ok: validator.problems.length === 0, groups, problems: validator.problems };
}
