/**
 * Reservation helpers shared by the reservation elements: flattening groups into table rows,
 * building the import format from entries typed in a form, reading JSON paths for people, and
 * tying the server's error details back to the entry they are about.
 */
import { hostIdKey, isValidVersion, type ReservationGroupInput } from '@licensedesk/sdk';
import type { ReservationGroup } from './sdk.js';

/** Host id types offered when the host does not give its own list. */
export const DEFAULT_RESERVATION_HOST_ID_TYPES = ['ETHERNET', 'STRING', 'USER', 'VM_UUID'] as const;

/** One row of the reservations table: a reservation entry with its reservation and group. */
export interface ReservationRow {
  groupId: number;
  groupName: string;
  reservationId: number;
  entryId: number;
  deviceId: string;
  idType: string;
  featureName: string;
  featureVersion: string;
  featureCount: number;
  satisfiable: boolean;
}

/** Flattens groups into one row per reservation entry, in server order. */
export function reservationRows(groups: readonly ReservationGroup[]): ReservationRow[] {
  const rows: ReservationRow[] = [];
  for (const group of groups) {
    for (const reservation of group.reservations ?? []) {
      for (const entry of reservation.reservationEntries ?? []) {
        rows.push({
          groupId: group.id,
          groupName: group.name,
          reservationId: reservation.id,
          entryId: entry.id,
          deviceId: reservation.hostId.value,
          idType: reservation.hostId.type,
          featureName: entry.featureName,
          featureVersion: entry.featureVersion,
          featureCount: entry.featureCount,
          satisfiable: entry.state !== 'UNSATISFIABLE',
        });
      }
    }
  }
  return rows;
}

/** One entry typed into the add form, before it is submitted. */
export interface PendingEntry {
  /** Stable key for rendering and for pointing errors at it. */
  key: string;
  deviceId: string;
  idType: string;
  featureName: string;
  featureVersion: string;
  featureCount: number;
}

/** The group input built from pending entries, and where each entry went in it. */
export interface BuiltGroup {
  input: ReservationGroupInput;
  /** Pending entry key by `reservationIndex/entryIndex`. */
  positions: Map<string, string>;
}

/** Builds one group in the import format: entries of the same host id go into one reservation. */
export function buildGroupInput(name: string, entries: readonly PendingEntry[]): BuiltGroup {
  const byHost = new Map<string, number>();
  const input: ReservationGroupInput = { name, reservations: [] };
  const positions = new Map<string, string>();
  for (const entry of entries) {
    const hostId = { value: entry.deviceId, type: entry.idType };
    const key = hostIdKey(hostId);
    let index = byHost.get(key);
    if (index === undefined) {
      index = input.reservations.length;
      byHost.set(key, index);
      input.reservations.push({ hostId, reservationEntries: [] });
    }
    const reservation = input.reservations[index]!;
    positions.set(`${index}/${reservation.reservationEntries.length}`, entry.key);
    reservation.reservationEntries.push({
      featureName: entry.featureName,
      featureVersion: entry.featureVersion,
      featureCount: entry.featureCount,
    });
  }
  return { input, positions };
}

/** Where a JSON path points in a reservation posting, in words people use. */
export interface PathLocation {
  /** 0-based index of the group in the posting (undefined for a single-group posting at `$`). */
  group?: number;
  reservation?: number;
  entry?: number;
  /** The field named last in the path, e.g. `featureCount` or `hostId.value`. */
  field?: string;
}

/** Reads `$[1].reservations[0].reservationEntries[2].featureCount` into its parts. */
export function locatePath(path: string): PathLocation {
  const location: PathLocation = {};
  const group = /^\$\[(\d+)\]/.exec(path);
  if (group) location.group = Number(group[1]);
  const reservation = /\.reservations\[(\d+)\]/.exec(path);
  if (reservation) location.reservation = Number(reservation[1]);
  const entry = /\.reservationEntries\[(\d+)\]/.exec(path);
  if (entry) location.entry = Number(entry[1]);
  const tail = /(?:\]|\$)((?:\.[A-Za-z_$][\w$]*|\["[^"]*"\])+)$/.exec(path);
  if (tail) {
    location.field = tail[1]!
      .split(/\.|\["|"\]/)
      .filter(Boolean)
      .join('.');
  }
  return location;
}

/** "group 2 (lab), reservation 1, entry 3, field featureCount": 1-based, as people count. */
export function describeLocation(location: PathLocation, groupName?: string | number): string {
  const parts: string[] = [];
  if (typeof groupName === 'string') parts.push(`group "${groupName}"`);
  else if (location.group !== undefined) parts.push(`group ${location.group + 1}`);
  else if (typeof groupName === 'number') parts.push(`group ${groupName + 1}`);
  if (location.reservation !== undefined) parts.push(`reservation ${location.reservation + 1}`);
  if (location.entry !== undefined) parts.push(`entry ${location.entry + 1}`);
  if (location.field) parts.push(`field ${location.field}`);
  return parts.join(', ');
}

/** An error detail from the server as the reservation elements read it. */
export interface ServerDetail {
  path?: string;
  message: string;
}

/**
 * Finds which entry of a posting a server error detail is about: by its JSON path when it has one,
 * else by the feature name and version the message names (the shortage messages do).
 * @returns `group/reservation/entry` indexes, or null when it cannot tell.
 */
export function entryOfDetail(
  detail: ServerDetail,
  groups: readonly ReservationGroupInput[],
): { group: number; reservation: number; entry: number } | null {
  if (detail.path) {
    const at = locatePath(detail.path);
    if (at.reservation !== undefined && at.entry !== undefined) {
      return { group: at.group ?? 0, reservation: at.reservation, entry: at.entry };
    }
  }
  // Two passes: a message naming name and version beats one naming only the name.
  for (const exact of [true, false]) {
    for (const [g, group] of groups.entries()) {
      for (const [r, reservation] of group.reservations.entries()) {
        for (const [e, entry] of reservation.reservationEntries.entries()) {
          if (mentionsFeature(detail.message, entry.featureName, exact ? entry.featureVersion : undefined)) {
            return { group: g, reservation: r, entry: e };
          }
        }
      }
    }
  }
  return null;
}

/** True when a message names the feature (quoted or bare), followed by its version when one is given. */
export function mentionsFeature(message: string, featureName: string, featureVersion?: string): boolean {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = `(?:"${escape(featureName)}"|(?<![\\w.-])${escape(featureName)}(?![\\w-]))`;
  if (featureVersion === undefined) return new RegExp(name).test(message);
  return new RegExp(`${name}\\s+(?:version\\s+)?"?${escape(featureVersion)}(?!\\d|\\.\\d)`).test(message);
}

/** Field problems of the add form, keyed by field. Empty when the entry can be added. */
export type EntryField = 'deviceId' | 'idType' | 'featureName' | 'featureVersion' | 'featureCount';

/** Checks what is typed into one entry of the add form; returns a message per wrong field. */
export function checkEntryFields(values: Record<EntryField, string>, hostIdTypes: readonly string[]): Partial<Record<EntryField, string>> {
  const problems: Partial<Record<EntryField, string>> = {};
  const deviceId = values.deviceId.trim();
  if (deviceId === '') problems.deviceId = 'Enter the device id.';
  else if (values.idType === 'ETHERNET' && !/^[0-9A-Fa-f]{12}$/.test(deviceId.replace(/[:-]/g, ''))) {
    problems.deviceId = 'An ETHERNET device id is 12 hexadecimal digits, such as F01898AD8DD3 (":" or "-" between pairs allowed).';
  }
  if (values.idType === '') problems.idType = 'Choose the id type.';
  else if (hostIdTypes.length > 0 && !hostIdTypes.includes(values.idType)) problems.idType = `Choose one of ${hostIdTypes.join(', ')}.`;
  if (values.featureName.trim() === '') problems.featureName = 'Enter the feature name.';
  const version = values.featureVersion.trim();
  if (version === '') problems.featureVersion = 'Enter the version, such as 1.0.';
  else if (!isValidVersion(version)) problems.featureVersion = 'A version is digits with an optional ".minor" part, such as 1.0 or 2.';
  const count = values.featureCount.trim();
  if (count === '') problems.featureCount = 'Enter the count.';
  else if (!/^\d+$/.test(count) || !Number.isSafeInteger(Number(count)) || Number(count) < 1) {
    problems.featureCount = 'The count must be a positive whole number (1 or more).';
  }
  return problems;
}
