import { parseVersion } from '@licensedesk/sdk';
import { isActive, serveOrder, versionAtLeast, type FeatureRecord } from './records.js';

/** A reservation entry as the allocation sees it. */
export interface EntryInfo {
  /** Entry id; negative ids stand for entries not stored yet (checks before a write). */
  id: number;
  reservationId: number;
  groupId: number;
  hostKey: string;
  featureName: string;
  featureVersion: string;
  featureCount: number;
}

/** Which feature records back each reservation entry. */
export interface ReservationAllocation {
  /** entry id -> record id -> counts set aside on that record. */
  byEntry: Map<number, Map<number, number>>;
  /** record id -> counts reserved on it in total. */
  byRecord: Map<number, number>;
  /** entry ids that the server's licenses can satisfy in full. */
  satisfiable: Set<number>;
}

/**
 * Sets counts aside for reservation entries. Entries for a version a.b are backed by active
 * records at a version >= a.b; uncounted records back any number. Entries with the highest
 * version go first (they have the fewest records to choose from), so whenever all entries can
 * be satisfied together they are. An entry that cannot be backed in full holds nothing.
 * Reservations draw on `featureCount`, not on overdraft.
 */
export function allocateReservations(
  records: readonly FeatureRecord[],
  entries: readonly EntryInfo[],
  now: number,
): ReservationAllocation {
  const byName = new Map<string, FeatureRecord[]>();
  for (const r of records) {
    if (!isActive(r, now)) continue;
    let list = byName.get(r.name);
    if (!list) byName.set(r.name, (list = []));
    list.push(r);
  }
  for (const list of byName.values()) list.sort(serveOrder);
  const left = new Map<number, number>();
  for (const r of records) left.set(r.id, r.uncounted ? Number.POSITIVE_INFINITY : Math.max(0, r.count));

  const parsed = entries.map((e) => {
    const v = parseVersion(e.featureVersion);
    return { e, major: v.ok ? v.value.major : Number.MAX_SAFE_INTEGER, minor: v.ok ? v.value.minor : 0 };
  });
  parsed.sort((a, b) => b.major - a.major || b.minor - a.minor || a.e.id - b.e.id);

  const result: ReservationAllocation = { byEntry: new Map(), byRecord: new Map(), satisfiable: new Set() };
  for (const { e, major, minor } of parsed) {
    const candidates = (byName.get(e.featureName) ?? []).filter((r) => versionAtLeast(r, { major, minor }));
    let need = e.featureCount;
    const taken = new Map<number, number>();
    for (const r of candidates) {
      if (need <= 0) break;
      if (r.uncounted) {
        need = 0;
        break;
      }
      const free = left.get(r.id) ?? 0;
      if (free <= 0) continue;
      const take = Math.min(free, need);
      taken.set(r.id, take);
      need -= take;
    }
    if (need > 0) continue;
    result.satisfiable.add(e.id);
    result.byEntry.set(e.id, taken);
    for (const [rid, n] of taken) {
      left.set(rid, (left.get(rid) ?? 0) - n);
      result.byRecord.set(rid, (result.byRecord.get(rid) ?? 0) + n);
    }
  }
  return result;
}

/**
 * Counts free for new reservations of a name at a version: what active records at that version
 * or above hold, less what other entries already set aside on them. Infinity when an uncounted
 * record qualifies.
 */
export function freeForReservation(
  records: readonly FeatureRecord[],
  allocation: ReservationAllocation,
  featureName: string,
  featureVersion: string,
  now: number,
): number {
  const v = parseVersion(featureVersion);
  if (!v.ok) return 0;
  let free = 0;
  for (const r of records) {
    if (r.name !== featureName || !isActive(r, now) || !versionAtLeast(r, v.value)) continue;
    if (r.uncounted) return Number.POSITIVE_INFINITY;
    free += Math.max(0, r.count - (allocation.byRecord.get(r.id) ?? 0));
  }
  return free;
}
