import {
  hostIdKey,
  normaliseHostId,
  validateReservationImport,
  type HostId,
  type ReservationGroupInput,
  type ReservationProblem,
} from '@licensedesk/sdk';
import type { EmulatorContext } from '../context.js';
import { ApiError, type ErrorDetail } from '../errors.js';
import type { FeatureRecord } from '../licensing/records.js';
import {
  allocateReservations,
  freeForReservation,
  type EntryInfo,
  type ReservationAllocation,
} from '../licensing/reservation-allocation.js';
import { hostIdMatcher } from './clients.js';

interface GroupRow {
  id: number;
  name: string;
  creation_date: number;
  ip_address: string;
}
interface ReservationRow {
  id: number;
  group_id: number;
  hostid_key: string;
  hostid_value: string;
  hostid_type: string;
}
interface EntryRow {
  id: number;
  reservation_id: number;
  feature_name: string;
  feature_version: string;
  feature_count: number;
}

export interface ReservationEntryJson {
  id: number;
  featureName: string;
  featureVersion: string;
  featureCount: number;
  state: 'SATISFIABLE' | 'UNSATISFIABLE';
}
export interface ReservationJson {
  id: number;
  hostId: HostId;
  reservationEntries: ReservationEntryJson[];
}
export interface ReservationGroupJson {
  id: number;
  name: string;
  creationDate: string;
  ipAddress: string | null;
  reservations: ReservationJson[];
}

// --- reading ---------------------------------------------------------------------------------

function entryJson(row: EntryRow, allocation: ReservationAllocation): ReservationEntryJson {
  return {
    id: row.id,
    featureName: row.feature_name,
    featureVersion: row.feature_version,
    featureCount: row.feature_count,
    state: allocation.satisfiable.has(row.id) ? 'SATISFIABLE' : 'UNSATISFIABLE',
  };
}

function reservationsJson(ctx: EmulatorContext, rows: ReservationRow[]): Map<number, ReservationJson[]> {
  const byGroup = new Map<number, ReservationJson[]>();
  if (rows.length === 0) return byGroup;
  const { allocation } = ctx.licensing.reservations();
  const entries = new Map<number, EntryRow[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const list = ctx.db
      .prepare(`SELECT * FROM reservation_entries WHERE reservation_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`)
      .all(...ids) as EntryRow[];
    for (const e of list) {
      let l = entries.get(e.reservation_id);
      if (!l) entries.set(e.reservation_id, (l = []));
      l.push(e);
    }
  }
  for (const r of rows) {
    let l = byGroup.get(r.group_id);
    if (!l) byGroup.set(r.group_id, (l = []));
    l.push({
      id: r.id,
      hostId: { value: r.hostid_value, type: r.hostid_type },
      reservationEntries: (entries.get(r.id) ?? []).map((e) => entryJson(e, allocation)),
    });
  }
  return byGroup;
}

function groupsJson(ctx: EmulatorContext, groups: GroupRow[]): ReservationGroupJson[] {
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const rows: ReservationRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    rows.push(
      ...(ctx.db
        .prepare(`SELECT * FROM reservations WHERE group_id IN (${chunk.map(() => '?').join(',')}) ORDER BY id`)
        .all(...chunk) as ReservationRow[]),
    );
  }
  const byGroup = reservationsJson(ctx, rows);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    creationDate: new Date(g.creation_date).toISOString(),
    ipAddress: g.ip_address || null,
    reservations: byGroup.get(g.id) ?? [],
  }));
}

export function listGroups(
  ctx: EmulatorContext,
  filter: { name?: string | undefined },
  page: { limit: number; offset: number },
): { total: number; groups: ReservationGroupJson[] } {
  const where = filter.name !== undefined ? 'WHERE name = ?' : '';
  const params = filter.name !== undefined ? [filter.name] : [];
  const total = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM reservation_groups ${where}`).get(...params) as { n: number }).n;
  const rows = ctx.db
    .prepare(`SELECT * FROM reservation_groups ${where} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...params, page.limit, page.offset) as GroupRow[];
  return { total, groups: groupsJson(ctx, rows) };
}

export function getGroup(ctx: EmulatorContext, id: number): ReservationGroupJson | undefined {
  const row = ctx.db.prepare('SELECT * FROM reservation_groups WHERE id = ?').get(id) as GroupRow | undefined;
  return row ? groupsJson(ctx, [row])[0] : undefined;
}

export function listReservationsOfGroup(
  ctx: EmulatorContext,
  groupId: number,
  hostid: string | undefined,
  page: { limit: number; offset: number },
): { total: number; reservations: ReservationJson[] } {
  // Groups are small; the filter runs here so ETHERNET values match however they were written.
  const matches = hostIdMatcher(hostid);
  const rows = (ctx.db.prepare('SELECT * FROM reservations WHERE group_id = ? ORDER BY id').all(groupId) as ReservationRow[]).filter(
    (r) => matches(r.hostid_value, r.hostid_type),
  );
  const pageRows = page.limit < 0 ? rows.slice(page.offset) : rows.slice(page.offset, page.offset + page.limit);
  return { total: rows.length, reservations: reservationsJson(ctx, pageRows).get(groupId) ?? [] };
}

/** Every group in the import format, ready to post back unchanged. */
export function exportGroups(ctx: EmulatorContext): ReservationGroupInput[] {
  return listGroups(ctx, {}, { limit: -1, offset: 0 }).groups.map((g) => ({
    name: g.name,
    reservations: g.reservations.map((r) => ({
      hostId: { value: r.hostId.value, type: r.hostId.type },
      reservationEntries: r.reservationEntries.map((e) => ({
        featureName: e.featureName,
        featureVersion: e.featureVersion,
        featureCount: e.featureCount,
      })),
    })),
  }));
}

// --- checking --------------------------------------------------------------------------------

const CONFLICT_CODES: Record<string, string> = {
  duplicateHostId: 'glsErr.duplicateHostId',
  existingHostId: 'glsErr.duplicateHostId',
  duplicateGroupName: 'glsErr.duplicateGroupName',
  existingGroupName: 'glsErr.duplicateGroupName',
};

/** Structure problems (400) before conflicts (409), the way the SDK reports them. */
export function problemsToError(problems: readonly ReservationProblem[]): ApiError | null {
  if (problems.length === 0) return null;
  const invalid = problems.filter((p) => !CONFLICT_CODES[p.code]);
  if (invalid.length > 0) {
    return new ApiError(400, 'glsErr.invalidReservation', `${invalid.length} reservation value${invalid.length === 1 ? ' is' : 's are'} invalid.`, {
      args: invalid.map((p) => p.path),
      details: invalid.map((p) => ({ path: p.path, message: p.message })),
    });
  }
  const first = problems[0]!;
  const key = CONFLICT_CODES[first.code]!;
  const same = problems.filter((p) => CONFLICT_CODES[p.code] === key);
  const args = key === 'glsErr.duplicateGroupName' ? same.map((p) => String(p.group ?? '')) : [];
  return new ApiError(409, key, same.map((p) => p.message).join('; '), {
    args,
    details: same.map((p) => ({ path: p.path, message: p.message })),
  });
}

/** Refuses reservation changes while a model with named pools is active (C03). */
export function assertNoModel(ctx: EmulatorContext): void {
  if (ctx.pools.isModelActive()) {
    const name = ctx.pools.modelName() ?? '';
    throw new ApiError(409, 'glsErr.modelActive', 'Reservations cannot be changed while a model definition with named pools is active.', {
      args: [name],
    });
  }
}

interface PlannedGroup {
  index: number;
  /** JSON path prefix of the group in the posting (`$[1]` or `$`). */
  path: string;
  name: string;
  entries: (EntryInfo & { path: string })[];
}

/**
 * The count rule (C01): every new entry must be backed by counts not reserved by other groups,
 * and no existing satisfiable entry may lose its backing. A group that fails is rejected whole,
 * naming each short feature with what it needs and what is free. `before`: the allocation of
 * `existing` when the caller has it (the engine's current one).
 */
export function checkCounts(
  ctx: EmulatorContext,
  existing: readonly EntryInfo[],
  planned: readonly PlannedGroup[],
  before?: ReservationAllocation,
): void {
  const now = ctx.clock.now();
  const records = ctx.licensing.records();
  const beforeAllocation = before ?? allocateReservations(records, existing, now);
  const all = [...existing];
  for (const g of planned) for (const e of g.entries) all.push(e);
  const after = allocateReservations(records, all, now);
  const fine =
    planned.every((g) => g.entries.every((e) => after.satisfiable.has(e.id))) &&
    existing.every((e) => !beforeAllocation.satisfiable.has(e.id) || after.satisfiable.has(e.id));
  if (fine) return;
  explainShortGroup(records, existing, planned, now);
}

/**
 * Finds the first group that does not fit on top of the ones before it and throws
 * glsErr.insufficientCount explaining it. Reservations of different feature names never compete
 * for the same records, so each group is tried against the entries and records of its own
 * feature names only (the same outcome as allocating everything again for every group, without
 * the quadratic cost on large imports).
 */
function explainShortGroup(
  records: readonly FeatureRecord[],
  existing: readonly EntryInfo[],
  planned: readonly PlannedGroup[],
  now: number,
): void {
  const recordsByName = new Map<string, FeatureRecord[]>();
  for (const r of records) {
    let list = recordsByName.get(r.name);
    if (!list) recordsByName.set(r.name, (list = []));
    list.push(r);
  }
  const entriesByName = new Map<string, EntryInfo[]>();
  for (const e of existing) {
    let list = entriesByName.get(e.featureName);
    if (!list) entriesByName.set(e.featureName, (list = []));
    list.push(e);
  }
  const baseByName = new Map<string, ReservationAllocation>();
  const baseOf = (name: string): ReservationAllocation => {
    let allocation = baseByName.get(name);
    if (!allocation) {
      allocation = allocateReservations(recordsByName.get(name) ?? [], entriesByName.get(name) ?? [], now);
      baseByName.set(name, allocation);
    }
    return allocation;
  };

  for (const group of planned) {
    const groupByName = new Map<string, EntryInfo[]>();
    for (const e of group.entries) {
      let list = groupByName.get(e.featureName);
      if (!list) groupByName.set(e.featureName, (list = []));
      list.push(e);
    }
    const trials = new Map<string, ReservationAllocation>();
    let ok = true;
    for (const [name, added] of groupByName) {
      const base = entriesByName.get(name) ?? [];
      const baseAllocation = baseOf(name);
      const trial = allocateReservations(recordsByName.get(name) ?? [], [...base, ...added], now);
      trials.set(name, trial);
      if (!added.every((e) => trial.satisfiable.has(e.id)) || !base.every((e) => !baseAllocation.satisfiable.has(e.id) || trial.satisfiable.has(e.id))) {
        ok = false;
      }
    }
    if (!ok) {
      const needs = new Map<string, { name: string; version: string; needed: number; path: string }>();
      for (const e of group.entries) {
        const k = `${e.featureName}\u0000${e.featureVersion}`;
        const n = needs.get(k);
        if (n) n.needed += e.featureCount;
        else needs.set(k, { name: e.featureName, version: e.featureVersion, needed: e.featureCount, path: e.path });
      }
      const details: ErrorDetail[] = [];
      const short: string[] = [];
      for (const n of needs.values()) {
        const free = freeForReservation(recordsByName.get(n.name) ?? [], baseOf(n.name), n.name, n.version, now);
        if (free >= n.needed) continue;
        details.push({ path: n.path, message: `${n.name} ${n.version} needs ${n.needed}, ${free} free` });
        short.push(`${n.name} ${n.version} needs ${n.needed}, ${free} free`);
      }
      if (details.length === 0) {
        // Fits by itself but would take counts that back existing reservations at other versions.
        for (const n of needs.values()) {
          details.push({ path: n.path, message: `${n.name} ${n.version} needs ${n.needed}; taking them would leave other reservations short` });
          short.push(`${n.name} ${n.version}`);
        }
      }
      throw new ApiError(409, 'glsErr.insufficientCount', `Not enough unreserved counts for group ${group.name}: ${short.join('; ')}.`, {
        args: [group.name],
        details,
      });
    }
    for (const [name, added] of groupByName) {
      let list = entriesByName.get(name);
      if (!list) entriesByName.set(name, (list = []));
      list.push(...added);
      baseByName.set(name, trials.get(name)!);
    }
  }
}

// --- writing ---------------------------------------------------------------------------------

/** Entries of stored reservations (for the count check), optionally without one group. */
export function storedEntries(ctx: EmulatorContext, exceptGroup?: number): EntryInfo[] {
  return ctx.licensing.reservations().entries.filter((e) => e.groupId !== exceptGroup);
}

/** Holds a client has from entries being removed move to the default pool (they stay served). */
export function releaseEntries(ctx: EmulatorContext, where: string, params: unknown[]): void {
  ctx.db
    .prepare(
      `UPDATE grants SET pool = 'default', reservation_entry_id = NULL WHERE reservation_entry_id IN (
         SELECT e.id FROM reservation_entries e JOIN reservations r ON r.id = e.reservation_id WHERE ${where})`,
    )
    .run(...params);
}

/**
 * Checks and stores reservation groups (import). Runs inside the caller's transaction.
 * `replaceId`: the group being replaced keeps its id; its own counts and host ids count as free.
 * `dryRun`: the caller rolls the transaction back; the licensing engine is left as it is.
 * The answer is built from what was written (one pass), not read back group by group.
 */
export function createGroups(
  ctx: EmulatorContext,
  json: unknown,
  options: { ip: string; replaceId?: number; dryRun?: boolean },
): ReservationGroupJson[] {
  assertNoModel(ctx);
  const others = ctx.db
    .prepare('SELECT id, name FROM reservation_groups WHERE id IS NOT ?')
    .all(options.replaceId ?? null) as { id: number; name: string }[];
  const otherHosts = ctx.db
    .prepare('SELECT hostid_value AS value, hostid_type AS type FROM reservations WHERE group_id IS NOT ?')
    .all(options.replaceId ?? null) as HostId[];
  const checked = validateReservationImport(json, {
    existingGroups: others.map((g) => g.name),
    existingHostIds: otherHosts,
  });
  const error = problemsToError(checked.problems);
  if (error) throw error;

  const isArray = Array.isArray(json);
  let nextId = -1;
  const planned: PlannedGroup[] = checked.groups.map((g, gi) => {
    const path = isArray ? `$[${gi}]` : '$';
    const entries: PlannedGroup['entries'] = [];
    g.reservations.forEach((r, ri) => {
      const key = hostIdKey(normaliseHostId(r.hostId));
      r.reservationEntries.forEach((e, ei) => {
        entries.push({
          id: nextId--,
          reservationId: 0,
          groupId: 0,
          hostKey: key,
          featureName: e.featureName,
          featureVersion: e.featureVersion,
          featureCount: e.featureCount,
          path: `${path}.reservations[${ri}].reservationEntries[${ei}]`,
        });
      });
    });
    return { index: gi, path, name: g.name ?? `#${gi + 1}`, entries };
  });
  const stored = ctx.licensing.reservations();
  const existing = options.replaceId === undefined ? [...stored.entries] : storedEntries(ctx, options.replaceId);
  checkCounts(ctx, existing, planned, options.replaceId === undefined ? stored.allocation : undefined);

  const now = ctx.clock.now();
  const records = ctx.licensing.records();
  const insertGroup = ctx.db.prepare('INSERT INTO reservation_groups (id, name, creation_date, ip_address) VALUES (?, ?, ?, ?)');
  const renameGroup = ctx.db.prepare('UPDATE reservation_groups SET name = ? WHERE id = ?');
  const nameTaken = ctx.db.prepare('SELECT 1 FROM reservation_groups WHERE name = ?');
  const insertReservation = ctx.db.prepare(
    'INSERT INTO reservations (group_id, hostid_key, hostid_value, hostid_type) VALUES (?, ?, ?, ?)',
  );
  const insertEntry = ctx.db.prepare(
    'INSERT INTO reservation_entries (reservation_id, feature_name, feature_version, feature_count) VALUES (?, ?, ?, ?)',
  );
  if (options.replaceId !== undefined) {
    releaseEntries(ctx, 'r.group_id = ?', [options.replaceId]);
    ctx.db.prepare('DELETE FROM reservation_groups WHERE id = ?').run(options.replaceId);
  }
  const creationDate = new Date(now).toISOString();
  const ipAddress = options.ip || null;
  const added: EntryInfo[] = [];
  const result: ReservationGroupJson[] = [];
  // The answer's entry objects; their state is filled in once everything is allocated.
  const answerEntries: ReservationEntryJson[] = [];
  for (const g of checked.groups) {
    const placeholder = g.name ?? `\u0000pending-${result.length}`;
    const info = insertGroup.run(options.replaceId ?? null, placeholder, now, options.ip);
    const id = Number(info.lastInsertRowid);
    let name = placeholder;
    if (g.name === undefined) {
      // Without a name the group is named after its id (our decision, see the spec).
      name = String(id);
      for (let n = 2; nameTaken.get(name); n++) name = `${id}-${n}`;
      renameGroup.run(name, id);
    }
    const reservations: ReservationJson[] = [];
    for (const r of g.reservations) {
      const normal = normaliseHostId(r.hostId);
      const hostKey = hostIdKey(normal);
      const reservation = Number(insertReservation.run(id, hostKey, r.hostId.value, normal.type).lastInsertRowid);
      const reservationEntries: ReservationEntryJson[] = [];
      for (const e of r.reservationEntries) {
        const entryId = Number(insertEntry.run(reservation, e.featureName, e.featureVersion, e.featureCount).lastInsertRowid);
        added.push({
          id: entryId,
          reservationId: reservation,
          groupId: id,
          hostKey,
          featureName: e.featureName,
          featureVersion: e.featureVersion,
          featureCount: e.featureCount,
        });
        const entry: ReservationEntryJson = {
          id: entryId,
          featureName: e.featureName,
          featureVersion: e.featureVersion,
          featureCount: e.featureCount,
          state: 'UNSATISFIABLE',
        };
        reservationEntries.push(entry);
        answerEntries.push(entry);
      }
      reservations.push({ id: reservation, hostId: { value: r.hostId.value, type: normal.type }, reservationEntries });
    }
    result.push({ id, name, creationDate, ipAddress, reservations });
  }
  // Every stored entry by id (new rows get ids above every remaining one), allocated once.
  const entries = [...existing, ...added].sort((a, b) => a.id - b.id);
  const allocation = allocateReservations(records, entries, now);
  for (const entry of answerEntries) if (allocation.satisfiable.has(entry.id)) entry.state = 'SATISFIABLE';
  if (!options.dryRun) ctx.licensing.reservationsChanged({ entries, allocation, grantsMoved: options.replaceId !== undefined });
  return result;
}

/** Adds entries to one reservation (all or nothing). Runs inside the caller's transaction. */
export function addEntries(
  ctx: EmulatorContext,
  groupId: number,
  reservationId: number,
  json: unknown,
): ReservationEntryJson[] {
  const reservation = ctx.db
    .prepare('SELECT * FROM reservations WHERE id = ? AND group_id = ?')
    .get(reservationId, groupId) as ReservationRow | undefined;
  if (!reservation) {
    throw new ApiError(404, 'glsErr.notFound', `No reservation ${reservationId} in group ${groupId}.`, {
      args: [String(groupId), String(reservationId)],
    });
  }
  assertNoModel(ctx);
  const group = ctx.db.prepare('SELECT name FROM reservation_groups WHERE id = ?').get(groupId) as { name: string };
  const checked = checkEntriesJson(json);
  if (checked.error) throw checked.error;
  const existing = ctx.db
    .prepare('SELECT feature_name, feature_version FROM reservation_entries WHERE reservation_id = ?')
    .all(reservationId) as { feature_name: string; feature_version: string }[];
  const dupes: ErrorDetail[] = [];
  checked.entries.forEach((e, i) => {
    if (existing.some((x) => x.feature_name === e.featureName && x.feature_version === e.featureVersion)) {
      dupes.push({ path: `$[${i}]`, message: `the reservation already has an entry for ${e.featureName} ${e.featureVersion}` });
    }
  });
  if (dupes.length > 0) {
    throw new ApiError(409, 'glsErr.duplicateEntry', dupes.map((d) => d.message).join('; '), { args: [], details: dupes });
  }
  let nextId = -1;
  checkCounts(ctx, storedEntries(ctx), [
    {
      index: 0,
      path: '$',
      name: group.name,
      entries: checked.entries.map((e, i) => ({
        id: nextId--,
        reservationId,
        groupId,
        hostKey: reservation.hostid_key,
        featureName: e.featureName,
        featureVersion: e.featureVersion,
        featureCount: e.featureCount,
        path: `$[${i}]`,
      })),
    },
  ]);
  const insert = ctx.db.prepare(
    'INSERT INTO reservation_entries (reservation_id, feature_name, feature_version, feature_count) VALUES (?, ?, ?, ?)',
  );
  const ids = checked.entries.map((e) => Number(insert.run(reservationId, e.featureName, e.featureVersion, e.featureCount).lastInsertRowid));
  ctx.licensing.reservationsChanged();
  const { allocation } = ctx.licensing.reservations();
  return ids.map((id, i) => {
    const e = checked.entries[i]!;
    return { id, ...e, state: allocation.satisfiable.has(id) ? 'SATISFIABLE' : 'UNSATISFIABLE' };
  });
}

/**
 * Checks an array of entries with the SDK's import rules (so client and server agree), by
 * wrapping it in a one-reservation group and mapping the paths back to `$[i]...`.
 */
export function checkEntriesJson(json: unknown): {
  entries: { featureName: string; featureVersion: string; featureCount: number }[];
  error: ApiError | null;
} {
  if (!Array.isArray(json)) {
    return {
      entries: [],
      error: new ApiError(400, 'glsErr.invalidReservation', 'Expected an array of reservation entries.', {
        details: [{ path: '$', message: 'must be an array' }],
      }),
    };
  }
  const wrapped = { name: 'x', reservations: [{ hostId: { value: 'x', type: 'STRING' }, reservationEntries: json }] };
  const checked = validateReservationImport(wrapped);
  const prefix = '$.reservations[0].reservationEntries';
  const problems = checked.problems.map((p) => ({
    ...p,
    path: p.path.startsWith(prefix) ? `$${p.path.slice(prefix.length)}` : p.path,
  }));
  return {
    entries: checked.groups[0]?.reservations[0]?.reservationEntries ?? [],
    error: problemsToError(problems),
  };
}

/** Deletes one entry; an emptied reservation and an emptied group go with it. Returns false when not found. */
export function deleteEntry(ctx: EmulatorContext, groupId: number, reservationId: number, entryId: number): boolean {
  const found = ctx.db
    .prepare(
      `SELECT e.id FROM reservation_entries e JOIN reservations r ON r.id = e.reservation_id
       WHERE e.id = ? AND r.id = ? AND r.group_id = ?`,
    )
    .get(entryId, reservationId, groupId);
  if (!found) return false;
  assertNoModel(ctx);
  releaseEntries(ctx, 'e.id = ?', [entryId]);
  ctx.db.prepare('DELETE FROM reservation_entries WHERE id = ?').run(entryId);
  ctx.db
    .prepare('DELETE FROM reservations WHERE id = ? AND NOT EXISTS (SELECT 1 FROM reservation_entries WHERE reservation_id = ?)')
    .run(reservationId, reservationId);
  ctx.db
    .prepare('DELETE FROM reservation_groups WHERE id = ? AND NOT EXISTS (SELECT 1 FROM reservations WHERE group_id = ?)')
    .run(groupId, groupId);
  ctx.licensing.reservationsChanged({ grantsMoved: true });
  return true;
}

/** Deletes a group with its reservations and entries. Returns false when not found. */
export function deleteGroup(ctx: EmulatorContext, groupId: number): boolean {
  if (!ctx.db.prepare('SELECT 1 FROM reservation_groups WHERE id = ?').get(groupId)) return false;
  assertNoModel(ctx);
  releaseEntries(ctx, 'r.group_id = ?', [groupId]);
  ctx.db.prepare('DELETE FROM reservation_groups WHERE id = ?').run(groupId);
  ctx.licensing.reservationsChanged({ grantsMoved: true });
  return true;
}
