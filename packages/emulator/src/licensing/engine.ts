import type { Database, Statement } from 'better-sqlite3';
import { hostIdKey, normaliseHostId, parseVersion, type HostId } from '@licensedesk/sdk';
import type { Clock, Logger } from '../context.js';
import type { SettingsService } from '../settings/service.js';
import { DEFAULT_POOL_PROVIDER, type PoolProvider } from './pools.js';
import {
  allocateReservations,
  type EntryInfo,
  type ReservationAllocation,
} from './reservation-allocation.js';
import {
  expiryText,
  instantText,
  isActive,
  serveOrder,
  toRecord,
  versionAtLeast,
  type FeatureRecord,
  type FeatureRow,
} from './records.js';

export const DEFAULT_POOL = 'default';

/** A device's licensing request (`ClientLicenseRequest` in the spec). */
export interface ClientLicenseRequest {
  hostId: HostId;
  alias?: string;
  hostName?: string;
  machineType?: 'PHYSICAL' | 'VIRTUAL' | 'UNKNOWN';
  dictionary?: Record<string, string>;
  features?: { featureName: string; featureVersion: string; count: number }[];
  correlationId?: string;
  /** The user the device asks for: USER reservations of this value apply too. */
  userId?: string;
}

export interface GrantedFeature {
  featureId: string;
  featureName: string;
  featureVersion: string;
  count: number;
  expiry: string | null;
  borrowExpiry: string | null;
  vendorString: string | null;
}

export interface DeniedFeature {
  featureName: string;
  featureVersion: string;
  requested: number;
  reason: string;
}

export interface ClientLicenseResponse {
  clientId: number;
  expiry: string | null;
  features: GrantedFeature[];
  denied: DeniedFeature[];
}

/** Usage figures of one feature record, computed from what clients hold. */
export interface FeatureUsage {
  used: number;
  /** Counts set aside for reservations on this record. */
  reserved: number;
  /** Reserved counts a client holds. */
  assignedReserved: number;
  unassignedReserved: number;
  /** Counts held from the shared (default or named) pools. */
  sharedUsed: number;
  overdraftUsed: number;
}

interface GrantRow {
  id: number;
  client_id: number;
  feature_id: number;
  count: number;
  pool: string | null;
  reservation_entry_id: number | null;
  granted_at: number;
  borrow_expiry: number | null;
}

interface ClientRow {
  id: number;
  hostid_key: string;
  correlation_id: string | null;
  suspected_duplicate: number;
}

interface RecordUsage {
  total: number;
  reserved: number;
  byPool: Map<string, number>;
}

interface State {
  records: FeatureRecord[];
  byId: Map<number, FeatureRecord>;
  byName: Map<string, FeatureRecord[]>;
  usage: Map<number, RecordUsage>;
  entryUse: Map<number, Map<number, number>>;
  entries: EntryInfo[];
  entriesByHost: Map<string, EntryInfo[]>;
  allocation: ReservationAllocation;
  poolAllocation: Map<string, Map<number, number>>;
  namedByRecord: Map<number, number>;
  /** The allocations depend on which records are active; recompute after this instant. */
  validUntil: number;
}

interface Delta {
  recordId: number;
  pool: string | null;
  entryId: number | null;
  count: number;
}

/**
 * The licensing engine: serves devices' requests from reservations, then named pools, then the
 * default pool, and keeps usage figures. What clients hold lives in the `grants` table only; the
 * engine keeps a derived in-memory summary (rebuilt after `invalidate()`) so requests and lists
 * need not sum the table each time.
 */
export class LicensingEngine {
  private state: State | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextReclaim: number | null = null;
  private readonly stmts: Record<string, Statement>;
  /** The request transaction, built once (better-sqlite3 builds four wrappers per `transaction()` call). */
  private readonly serveTx: (req: ClientLicenseRequest, now: number, deltas: Delta[]) => ClientLicenseResponse;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly log: Logger,
    private pools: () => PoolProvider = () => DEFAULT_POOL_PROVIDER,
  ) {
    this.stmts = {
      clientByKey: db.prepare('SELECT id, hostid_key, correlation_id, suspected_duplicate FROM clients WHERE hostid_key = ?'),
      insertClient: db.prepare(
        `INSERT INTO clients (hostid_key, hostid_value, hostid_type, request_hostid_value, request_hostid_type, alias,
           host_name, machine_type, correlation_id, dictionary, created_at, update_time, request_operation)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUEST')`,
      ),
      updateClient: db.prepare(
        `UPDATE clients SET request_hostid_value = ?, request_hostid_type = ?, alias = COALESCE(?, alias),
           host_name = COALESCE(?, host_name), machine_type = COALESCE(?, machine_type), correlation_id = COALESCE(?, correlation_id),
           previous_correlation_id = ?, suspected_duplicate = ?, dictionary = ?, update_time = ?, request_operation = 'REQUEST'
         WHERE id = ?`,
      ),
      grantsOf: db.prepare('SELECT * FROM grants WHERE client_id = ? ORDER BY id'),
      insertGrant: db.prepare(
        'INSERT INTO grants (client_id, feature_id, count, pool, reservation_entry_id, granted_at, borrow_expiry) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      updateGrant: db.prepare('UPDATE grants SET count = ?, borrow_expiry = ? WHERE id = ?'),
      deleteGrant: db.prepare('DELETE FROM grants WHERE id = ?'),
      expired: db.prepare('SELECT * FROM grants WHERE borrow_expiry IS NOT NULL AND borrow_expiry <= ?'),
      deleteExpired: db.prepare('DELETE FROM grants WHERE borrow_expiry IS NOT NULL AND borrow_expiry <= ?'),
      deleteClient: db.prepare('DELETE FROM clients WHERE id = ?'),
    };
    this.serveTx = db.transaction((req: ClientLicenseRequest, now: number, deltas: Delta[]) => this.serve(req, now, deltas));
  }

  /** Sets where named pools come from (called once the pool provider exists). */
  setPoolProvider(provider: () => PoolProvider): void {
    this.pools = provider;
    this.invalidate();
  }

  /**
   * Drops the derived state; the next use rebuilds it from the database. Call after writing
   * features, reservations or the model outside the engine.
   */
  invalidate(): void {
    this.state = null;
  }

  /**
   * Takes the reservation entries after reservations were written (inside the writing transaction),
   * keeping the feature records, usage and pool allocations, which a reservation change does not
   * touch; much cheaper than `invalidate()` on a large server. `entries` (every stored entry, by id)
   * and their `allocation` may be passed when the caller has them; otherwise they are read.
   * `grantsMoved`: holds were moved off removed entries (`releaseEntries`), so usage is re-read too.
   */
  reservationsChanged(options: { entries?: EntryInfo[]; allocation?: ReservationAllocation; grantsMoved?: boolean } = {}): void {
    const s = this.state;
    if (!s) return;
    const now = this.clock.now();
    if (now > s.validUntil) {
      this.state = null;
      return;
    }
    const entries = options.entries ?? this.readEntries();
    s.entries = entries;
    s.entriesByHost = byHost(entries);
    s.allocation = options.entries && options.allocation ? options.allocation : allocateReservations(s.records, entries, now);
    if (options.grantsMoved) {
      const { usage, entryUse } = this.readUsage();
      s.usage = usage;
      s.entryUse = entryUse;
    }
  }

  /** All feature records, ordered by id. */
  records(): readonly FeatureRecord[] {
    return this.current().records;
  }

  record(id: number): FeatureRecord | undefined {
    return this.current().byId.get(id);
  }

  /** Usage figures of one feature record. */
  usage(recordId: number): FeatureUsage {
    const s = this.current();
    const u = s.usage.get(recordId);
    const record = s.byId.get(recordId);
    const used = u?.total ?? 0;
    const reserved = s.allocation.byRecord.get(recordId) ?? 0;
    const assignedReserved = u?.reserved ?? 0;
    return {
      used,
      reserved,
      assignedReserved,
      unassignedReserved: Math.max(0, reserved - assignedReserved),
      sharedUsed: used - assignedReserved,
      overdraftUsed: record && !record.uncounted ? Math.max(0, used - record.count) : 0,
    };
  }

  /** Counts held per pool per record (`pool -> record id -> count`); reservation holdings are not included. */
  usageByPool(): Map<string, Map<number, number>> {
    const result = new Map<string, Map<number, number>>();
    for (const [recordId, u] of this.current().usage) {
      for (const [pool, n] of u.byPool) {
        let m = result.get(pool);
        if (!m) result.set(pool, (m = new Map()));
        m.set(recordId, n);
      }
    }
    return result;
  }

  /** The current reservation allocation (which entries are satisfiable, what each record sets aside). */
  reservations(): { entries: readonly EntryInfo[]; allocation: ReservationAllocation } {
    const s = this.current();
    return { entries: s.entries, allocation: s.allocation };
  }

  /** When the expiry timer runs next (epoch ms), or null when it is not running. */
  nextReclaimAt(): number | null {
    return this.nextReclaim;
  }

  /** Serves a device's request. Runs in one transaction. */
  request(req: ClientLicenseRequest): ClientLicenseResponse {
    const now = this.clock.now();
    const deltas: Delta[] = [];
    try {
      // serve() applies its usage changes to the in-memory state as it goes, so a second line of
      // the same request sees the first; a rollback drops that state below.
      return this.serveTx(req, now, deltas);
    } catch (error) {
      this.invalidate();
      throw error;
    }
  }

  /** Drops a device and releases everything it holds. Returns false when there is no such client. */
  dropClient(clientId: number): boolean {
    const deltas: Delta[] = [];
    try {
      const found = this.db.transaction(() => {
        const grants = this.stmts.grantsOf!.all(clientId) as GrantRow[];
        const info = this.stmts.deleteClient!.run(clientId);
        if (info.changes === 0) return false;
        for (const g of grants) deltas.push(release(g, g.count));
        return true;
      })();
      this.apply(deltas);
      return found;
    } catch (error) {
      this.invalidate();
      throw error;
    }
  }

  /** Returns every hold whose borrow expiry has passed; returns how many grants were reclaimed. */
  reclaimExpired(now = this.clock.now()): number {
    const deltas: Delta[] = [];
    try {
      const count = this.db.transaction(() => {
        const rows = this.stmts.expired!.all(now) as GrantRow[];
        if (rows.length === 0) return 0;
        this.stmts.deleteExpired!.run(now);
        for (const g of rows) deltas.push(release(g, g.count));
        return rows.length;
      })();
      this.apply(deltas);
      if (count > 0) this.log.info({ reclaimed: count }, 'expiry timer reclaimed expired holds');
      return count;
    } catch (error) {
      this.invalidate();
      throw error;
    }
  }

  /** Starts the expiry timer (`licensing.clientExpiryTimer`); it re-arms itself when the setting changes. */
  startTimer(): void {
    this.stopTimer();
    const seconds = Math.max(1, this.settings.getSeconds('licensing.clientExpiryTimer'));
    this.nextReclaim = this.clock.now() + seconds * 1000;
    this.timer = setTimeout(() => {
      try {
        this.reclaimExpired();
      } catch (error) {
        this.log.error({ err: error }, 'expiry timer failed');
      }
      this.startTimer();
    }, seconds * 1000);
    this.timer.unref();
  }

  stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextReclaim = null;
  }

  /** Checks the in-memory summary against the grants table (tests call it). */
  verifyConsistency(): string[] {
    const problems: string[] = [];
    const s = this.current();
    const rows = this.db
      .prepare('SELECT feature_id, SUM(count) AS n, SUM(CASE WHEN reservation_entry_id IS NOT NULL THEN count ELSE 0 END) AS r FROM grants GROUP BY feature_id')
      .all() as { feature_id: number; n: number; r: number }[];
    const seen = new Set<number>();
    for (const row of rows) {
      seen.add(row.feature_id);
      const u = s.usage.get(row.feature_id);
      if ((u?.total ?? 0) !== row.n || (u?.reserved ?? 0) !== row.r) {
        problems.push(`record ${row.feature_id}: table ${row.n}/${row.r}, memory ${u?.total}/${u?.reserved}`);
      }
    }
    for (const [id, u] of s.usage) if (!seen.has(id) && u.total !== 0) problems.push(`record ${id}: memory ${u.total}, table 0`);
    return problems;
  }

  // ---------------------------------------------------------------------------------------------

  private current(): State {
    const now = this.clock.now();
    if (!this.state || now > this.state.validUntil) this.state = this.load(now);
    return this.state;
  }

  private load(now: number): State {
    const rows = this.db.prepare('SELECT * FROM features ORDER BY id').all() as FeatureRow[];
    const records = rows.map(toRecord);
    const byId = new Map(records.map((r) => [r.id, r]));
    const byName = new Map<string, FeatureRecord[]>();
    for (const r of records) {
      let list = byName.get(r.name);
      if (!list) byName.set(r.name, (list = []));
      list.push(r);
    }
    for (const list of byName.values()) list.sort(serveOrder);

    const { usage, entryUse } = this.readUsage();
    const entries = this.readEntries();
    const entriesByHost = byHost(entries);
    const allocation = allocateReservations(records, entries, now);
    const poolAllocation = this.pools().allocations(records, now);
    const namedByRecord = new Map<number, number>();
    for (const [pool, m] of poolAllocation) {
      if (pool === DEFAULT_POOL) continue;
      for (const [rid, n] of m) namedByRecord.set(rid, (namedByRecord.get(rid) ?? 0) + n);
    }

    let validUntil = Number.POSITIVE_INFINITY;
    for (const r of records) {
      if (r.startsAt !== null && r.startsAt > now) validUntil = Math.min(validUntil, r.startsAt);
      if (r.expiresAt >= now) validUntil = Math.min(validUntil, r.expiresAt);
    }
    return { records, byId, byName, usage, entryUse, entries, entriesByHost, allocation, poolAllocation, namedByRecord, validUntil };
  }

  private readUsage(): { usage: Map<number, RecordUsage>; entryUse: Map<number, Map<number, number>> } {
    const usage = new Map<number, RecordUsage>();
    const entryUse = new Map<number, Map<number, number>>();
    const sums = this.db
      .prepare('SELECT feature_id, pool, reservation_entry_id, SUM(count) AS n FROM grants GROUP BY feature_id, pool, reservation_entry_id')
      .all() as { feature_id: number; pool: string | null; reservation_entry_id: number | null; n: number }[];
    for (const row of sums) {
      addUsage(usage, entryUse, { recordId: row.feature_id, pool: row.pool, entryId: row.reservation_entry_id, count: row.n });
    }
    return { usage, entryUse };
  }

  private readEntries(): EntryInfo[] {
    return this.db
      .prepare(
        `SELECT e.id, e.reservation_id AS reservationId, r.group_id AS groupId, r.hostid_key AS hostKey,
                e.feature_name AS featureName, e.feature_version AS featureVersion, e.feature_count AS featureCount
         FROM reservation_entries e JOIN reservations r ON r.id = e.reservation_id ORDER BY e.id`,
      )
      .all() as EntryInfo[];
  }

  private apply(deltas: Delta[]): void {
    if (!this.state) return;
    for (const d of deltas) addUsage(this.state.usage, this.state.entryUse, d);
  }

  /** Counts of record `r` the pool can still give. `overdraft` allows the default pool's overdraft. */
  private poolFree(s: State, pool: string, r: FeatureRecord, overdraft: boolean, planned: Map<string, number>): number {
    const key = `${pool}\u0000${r.id}`;
    const plannedHere = planned.get(key) ?? 0;
    const used = s.usage.get(r.id)?.byPool.get(pool) ?? 0;
    if (pool !== DEFAULT_POOL) {
      const allocated = s.poolAllocation.get(pool)?.get(r.id) ?? 0;
      return Math.max(0, allocated - used - plannedHere);
    }
    if (r.uncounted) return Number.POSITIVE_INFINITY;
    if (overdraft && r.uncappedOverdraft) return Number.POSITIVE_INFINITY;
    const capacity = r.count + (overdraft ? r.overdraft : 0);
    const reserved = s.allocation.byRecord.get(r.id) ?? 0;
    const named = s.namedByRecord.get(r.id) ?? 0;
    return Math.max(0, capacity - reserved - named - used - plannedHere);
  }

  private borrowExpiry(r: FeatureRecord, now: number): number | null {
    if (r.metered) return Number.isFinite(r.expiresAt) ? r.expiresAt : null;
    const server = this.settings.getSeconds('licensing.borrowInterval');
    const max = this.settings.getSeconds('licensing.borrowIntervalMax');
    const base = r.borrowInterval > 0 ? Math.min(r.borrowInterval, server) : server;
    const seconds = Math.min(base, max);
    return Math.min(now + seconds * 1000, r.expiresAt);
  }

  private serve(req: ClientLicenseRequest, now: number, deltas: Delta[]): ClientLicenseResponse {
    const s = this.current();
    const note = (d: Delta) => {
      deltas.push(d);
      addUsage(s.usage, s.entryUse, d);
    };
    const host = normaliseHostId(req.hostId);
    const key = hostIdKey(host);
    const dictionary = req.dictionary ?? {};
    let client = this.stmts.clientByKey!.get(key) as ClientRow | undefined;
    if (!client) {
      const info = this.stmts.insertClient!.run(
        key,
        host.value,
        host.type,
        req.hostId.value,
        req.hostId.type,
        req.alias ?? null,
        req.hostName ?? null,
        req.machineType ?? 'UNKNOWN',
        req.correlationId ?? null,
        JSON.stringify(dictionary),
        now,
        now,
      );
      client = { id: Number(info.lastInsertRowid), hostid_key: key, correlation_id: req.correlationId ?? null, suspected_duplicate: 0 };
    } else {
      // A known host id arriving with another session id is a second session of the same device (C28).
      const newSession =
        req.correlationId !== undefined && client.correlation_id !== null && client.correlation_id !== req.correlationId;
      this.stmts.updateClient!.run(
        req.hostId.value,
        req.hostId.type,
        req.alias ?? null,
        req.hostName ?? null,
        req.machineType ?? null,
        req.correlationId ?? null,
        newSession ? client.correlation_id : null,
        newSession || client.suspected_duplicate === 1 ? 1 : 0,
        JSON.stringify(dictionary),
        now,
        client.id,
      );
    }
    const clientId = client.id;
    const grants = this.stmts.grantsOf!.all(clientId) as GrantRow[];
    // The device's own reservations, then its user's (a USER host id naming req.userId). Counts
    // taken from the user's reservation are held by this device, so another device of the same
    // user finds only what is left of it.
    const deviceEntries = s.entriesByHost.get(key) ?? [];
    const userKey = req.userId ? hostIdKey({ type: 'USER', value: req.userId }) : null;
    const userEntries = userKey !== null && userKey !== key ? (s.entriesByHost.get(userKey) ?? []) : [];
    const myEntries = userEntries.length > 0 ? [...deviceEntries, ...userEntries] : deviceEntries;

    let wanted = req.features;
    if (wanted === undefined || wanted.length === 0) {
      // Everything reserved for the device, and what its user's reservations leave for it.
      wanted = [
        ...deviceEntries.map((e) => ({ featureName: e.featureName, featureVersion: e.featureVersion, count: e.featureCount })),
        ...userEntries
          .map((e) => ({ featureName: e.featureName, featureVersion: e.featureVersion, count: userShare(s, e, grants) }))
          .filter((w) => w.count > 0),
      ];
    }
    // Several lines for one name and version add up.
    const merged = new Map<string, { featureName: string; featureVersion: string; count: number }>();
    for (const w of wanted) {
      const k = `${w.featureName}\u0000${w.featureVersion}`;
      const prev = merged.get(k);
      if (prev) prev.count += w.count;
      else merged.set(k, { ...w });
    }

    const route = this.pools().route({
      hostId: host,
      hostName: req.hostName,
      hostType: req.machineType,
      dictionary,
    });
    const denied: DeniedFeature[] = [];

    for (const item of merged.values()) {
      const v = parseVersion(item.featureVersion);
      if (!v.ok) {
        denied.push({ ...itemHead(item), requested: item.count, reason: v.error });
        continue;
      }
      const matches = (g: GrantRow) => {
        const r = s.byId.get(g.feature_id);
        return r !== undefined && r.name === item.featureName && versionAtLeast(r, v.value);
      };
      const mine = grants.filter((g) => g.count > 0 && matches(g));
      const held = mine.reduce((sum, g) => sum + g.count, 0);

      if (item.count < held) {
        // Return counts: shared holds before reserved ones, newest first.
        let toReturn = held - item.count;
        const order = [...mine].sort(
          (a, b) => Number(a.reservation_entry_id !== null) - Number(b.reservation_entry_id !== null) || b.id - a.id,
        );
        let refused = 0;
        for (const g of order) {
          if (toReturn <= 0) break;
          const r = s.byId.get(g.feature_id)!;
          if (r.metered && !r.meteredReusable && now - g.granted_at > r.meteredUndoInterval * 1000) {
            refused += Math.min(g.count, toReturn);
            continue;
          }
          const n = Math.min(g.count, toReturn);
          g.count -= n;
          toReturn -= n;
          if (g.count === 0) this.stmts.deleteGrant!.run(g.id);
          else this.stmts.updateGrant!.run(g.count, g.borrow_expiry, g.id);
          note(release(g, n));
        }
        if (refused > 0) {
          denied.push({ ...itemHead(item), requested: item.count, reason: `Metered counts cannot be returned (${refused} kept)` });
        }
      } else if (item.count > held) {
        const need = item.count - held;
        const plan = this.plan(s, route, myEntries, item.featureName, v.value, need, now);
        if (plan.total < need) {
          denied.push({
            ...itemHead(item),
            requested: item.count,
            reason: plan.reason ?? `Not enough counts available (${plan.total} of ${need} free)`,
          });
        } else {
          for (const take of plan.takes) {
            const r = s.byId.get(take.recordId)!;
            const expiry = this.borrowExpiry(r, now);
            const existing = grants.find(
              (g) => g.feature_id === take.recordId && g.pool === take.pool && g.reservation_entry_id === take.entryId && g.count > 0,
            );
            if (existing) {
              existing.count += take.count;
              existing.borrow_expiry = expiry;
              this.stmts.updateGrant!.run(existing.count, expiry, existing.id);
            } else {
              const info = this.stmts.insertGrant!.run(clientId, take.recordId, take.count, take.pool, take.entryId, now, expiry);
              grants.push({
                id: Number(info.lastInsertRowid),
                client_id: clientId,
                feature_id: take.recordId,
                count: take.count,
                pool: take.pool,
                reservation_entry_id: take.entryId,
                granted_at: now,
                borrow_expiry: expiry,
              });
            }
            note({ recordId: take.recordId, pool: take.pool, entryId: take.entryId, count: take.count });
          }
        }
      }
      // Asking again renews the hold on what the device keeps of this feature.
      for (const g of grants) {
        if (g.count <= 0 || !matches(g)) continue;
        const expiry = this.borrowExpiry(s.byId.get(g.feature_id)!, now);
        if (expiry !== g.borrow_expiry) {
          g.borrow_expiry = expiry;
          this.stmts.updateGrant!.run(g.count, expiry, g.id);
        }
      }
    }

    // The response lists everything the device now holds, one line per feature record.
    const perRecord = new Map<number, { count: number; borrow: number | null }>();
    let deviceExpiry: number | null = null;
    let permanentHold = false;
    for (const g of grants) {
      if (g.count <= 0) continue;
      const prev = perRecord.get(g.feature_id);
      const borrow = g.borrow_expiry;
      if (borrow === null) permanentHold = true;
      else deviceExpiry = deviceExpiry === null ? borrow : Math.max(deviceExpiry, borrow);
      if (prev) {
        prev.count += g.count;
        prev.borrow = prev.borrow === null || borrow === null ? null : Math.max(prev.borrow, borrow);
      } else perRecord.set(g.feature_id, { count: g.count, borrow });
    }
    const features: GrantedFeature[] = [...perRecord.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([recordId, h]) => {
        const r = s.byId.get(recordId)!;
        return {
          featureId: r.featureId,
          featureName: r.name,
          featureVersion: r.version,
          count: h.count,
          expiry: expiryText(r.row),
          borrowExpiry: instantText(h.borrow),
          vendorString: r.vendorString,
        };
      });
    return {
      clientId,
      expiry: permanentHold || deviceExpiry === null ? null : instantText(deviceExpiry),
      features,
      denied,
    };
  }

  private plan(
    s: State,
    route: { decision: 'accept' | 'deny'; pools: string[] },
    myEntries: readonly EntryInfo[],
    name: string,
    version: { major: number; minor: number },
    need: number,
    now: number,
  ): { total: number; takes: Delta[]; reason?: string } {
    const takes: Delta[] = [];
    let total = 0;
    const candidates = (s.byName.get(name) ?? []).filter((r) => isActive(r, now) && versionAtLeast(r, version));
    if (candidates.length === 0) {
      const any = s.byName.get(name)?.length ?? 0;
      return { total: 0, takes, reason: any > 0 ? `No active ${name} at version ${version.major}.${version.minor} or above` : `Feature ${name} is not installed` };
    }
    // 1. The device's own reservations, then its user's.
    for (const e of myEntries) {
      if (total >= need) break;
      if (e.featureName !== name) continue;
      const backing = s.allocation.byEntry.get(e.id);
      if (!backing) continue;
      for (const r of candidates) {
        if (total >= need) break;
        const set = backing.get(r.id) ?? 0;
        const inUse = s.entryUse.get(e.id)?.get(r.id) ?? 0;
        const free = set - inUse;
        if (free <= 0) continue;
        const n = Math.min(free, need - total);
        takes.push({ recordId: r.id, pool: null, entryId: e.id, count: n });
        total += n;
      }
      // Uncounted lines back reservations without setting counts aside.
      if (total < need && backing.size === 0) {
        const r = candidates.find((c) => c.uncounted);
        if (r) {
          const n = need - total;
          takes.push({ recordId: r.id, pool: null, entryId: e.id, count: n });
          total += n;
        }
      }
    }
    if (total >= need) return { total, takes };
    if (route.decision === 'deny') return { total, takes, reason: 'Denied by the rules of access of the active model' };
    // 2. Named pools in rule order, then 3. the default pool (its overdraft last).
    const planned = new Map<string, number>();
    const passes: [string, boolean][] = [];
    for (const pool of route.pools) passes.push([pool, false]);
    if (route.pools.includes(DEFAULT_POOL)) passes.push([DEFAULT_POOL, true]);
    for (const [pool, overdraft] of passes) {
      for (const r of candidates) {
        if (total >= need) break;
        const free = this.poolFree(s, pool, r, overdraft, planned);
        if (free <= 0) continue;
        const n = Math.min(free, need - total);
        takes.push({ recordId: r.id, pool, entryId: null, count: n });
        planned.set(`${pool}\u0000${r.id}`, (planned.get(`${pool}\u0000${r.id}`) ?? 0) + n);
        total += n;
      }
    }
    return { total, takes };
  }
}

/**
 * How many counts of a user's reservation entry the device may hold: the entry's count (none when
 * it cannot be satisfied) less what other devices hold of it.
 */
function userShare(s: State, e: EntryInfo, grants: readonly GrantRow[]): number {
  if (!s.allocation.satisfiable.has(e.id)) return 0;
  let usedByAll = 0;
  for (const n of s.entryUse.get(e.id)?.values() ?? []) usedByAll += n;
  let mine = 0;
  for (const g of grants) if (g.reservation_entry_id === e.id && g.count > 0) mine += g.count;
  return Math.max(0, e.featureCount - (usedByAll - mine));
}

function byHost(entries: readonly EntryInfo[]): Map<string, EntryInfo[]> {
  const result = new Map<string, EntryInfo[]>();
  for (const e of entries) {
    let list = result.get(e.hostKey);
    if (!list) result.set(e.hostKey, (list = []));
    list.push(e);
  }
  return result;
}

function itemHead(item: { featureName: string; featureVersion: string }) {
  return { featureName: item.featureName, featureVersion: item.featureVersion };
}

function release(g: GrantRow, n: number): Delta {
  return { recordId: g.feature_id, pool: g.pool, entryId: g.reservation_entry_id, count: -n };
}

function addUsage(usage: Map<number, RecordUsage>, entryUse: Map<number, Map<number, number>>, d: Delta): void {
  let u = usage.get(d.recordId);
  if (!u) usage.set(d.recordId, (u = { total: 0, reserved: 0, byPool: new Map() }));
  u.total += d.count;
  if (d.entryId !== null) {
    u.reserved += d.count;
    let m = entryUse.get(d.entryId);
    if (!m) entryUse.set(d.entryId, (m = new Map()));
    m.set(d.recordId, (m.get(d.recordId) ?? 0) + d.count);
  } else {
    const pool = d.pool ?? DEFAULT_POOL;
    u.byPool.set(pool, (u.byPool.get(pool) ?? 0) + d.count);
  }
}
