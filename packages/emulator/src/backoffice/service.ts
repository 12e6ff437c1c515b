import type Database from 'better-sqlite3';
import { ApiError } from '../errors.js';
import { sha256Hex } from './crypto.js';
import type { FeatureRow as RecordRow } from '../licensing/records.js';
import type { GrantedFeature, ResponsePayload } from './format.js';
import { readKey } from './keystore.js';
import { createRequest, OfflineFileError, readResponse, type ReadResponse } from './protocol.js';

/** Who the server is, as its offline files name it. */
export interface OfflineIdentity {
  /** The server instance id (health `serverInstanceID`). */
  instanceId: string;
  /** The selected host id as `value/TYPE`. */
  hostId: string;
}

/** A feature line as the upload result lists it (`LicenseChange` in the spec). */
export interface LicenseChange {
  featureId: string;
  featureName: string;
  featureVersion: string;
  featureCount: number;
  expiry: string | null;
}

export interface ApplyResult {
  confirmationRequestNeeded: boolean;
  changes: { added: LicenseChange[]; updated: LicenseChange[]; removed: LicenseChange[] };
}

const ERROR_KEYS = {
  invalid: 'glsErr.invalidResponse',
  tampered: 'glsErr.responseTampered',
  foreign: 'glsErr.responseForeign',
  stale: 'glsErr.responseStale',
} as const;

function offlineError(err: OfflineFileError, args: unknown[] = []): ApiError {
  return new ApiError(400, ERROR_KEYS[err.code], err.message, { args });
}

const META_CONFIRMATION = 'offline.confirmationPending';
const META_LAST_CAPABILITY = 'offline.lastCapabilitySequence';

/** The features-table columns the offline exchange writes (the rest keep their defaults). */
type FeatureRow = Omit<RecordRow, 'received_time' | 'feature_kind' | 'activation_id'>;

/** The features-table columns a granted feature sets, in a fixed order. */
function columnsFor(f: GrantedFeature): Omit<FeatureRow, 'id'> {
  const metered = f.metered ?? false;
  return {
    feature_id: f.featureId,
    name: f.featureName,
    version: f.featureVersion,
    count: f.uncounted ? 0 : f.count,
    uncounted: f.uncounted ? 1 : 0,
    overdraft: f.overdraftCount ?? 0,
    uncapped_overdraft: f.uncappedOverdraft ? 1 : 0,
    starts: f.starts ?? null,
    expiry: f.expiry ?? 'permanent',
    issued: f.issued ?? null,
    issuer: f.issuer ?? '',
    notice: f.notice ?? '',
    vendor: f.vendor ?? '',
    vendor_string: f.vendorString ?? '',
    borrow_interval: f.borrowInterval ?? 0,
    renew_interval: f.renewInterval ?? 0,
    metered: metered ? 1 : 0,
    metered_reusable: f.meteredReusable ? 1 : 0,
    metered_undo_interval: f.meteredUndoInterval ?? 0,
    concurrent: (f.concurrent ?? !metered) ? 1 : 0,
    type: metered ? 'METERED' : 'CONCURRENT',
    selectors: JSON.stringify(f.selectors ?? {}),
  };
}

function changeOf(row: Pick<FeatureRow, 'feature_id' | 'name' | 'version' | 'count' | 'expiry'>): LicenseChange {
  return { featureId: row.feature_id, featureName: row.name, featureVersion: row.version, featureCount: row.count, expiry: row.expiry };
}

/**
 * The server's side of the offline exchange: issues signed requests and applies signed responses.
 * Statements are prepared once per database.
 */
export class OfflineService {
  private readonly stmts;

  constructor(
    private readonly db: Database.Database,
    private readonly identity: () => OfflineIdentity,
  ) {
    this.stmts = {
      nextSequence: db.prepare('SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM offline_requests'),
      insertRequest: db.prepare(
        `INSERT INTO offline_requests (request_id, sequence, kind, activation_id, count, sha256, size, created_at)
         VALUES (@requestId, @sequence, @kind, @activationId, @count, @sha256, @size, @createdAt)`,
      ),
      findRequest: db.prepare('SELECT * FROM offline_requests WHERE request_id = ?'),
      markApplied: db.prepare('UPDATE offline_requests SET applied_at = ? WHERE request_id = ?'),
      heldActivations: db.prepare('SELECT activation_id AS activationId, count FROM offline_activations ORDER BY activation_id'),
      activation: db.prepare('SELECT count, applied_sequence FROM offline_activations WHERE activation_id = ?'),
      upsertActivation: db.prepare(
        `INSERT INTO offline_activations (activation_id, count, applied_sequence, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (activation_id) DO UPDATE SET count = excluded.count, applied_sequence = excluded.applied_sequence, updated_at = excluded.updated_at`,
      ),
      deleteActivation: db.prepare('DELETE FROM offline_activations WHERE activation_id = ?'),
      featuresOf: db.prepare('SELECT * FROM features WHERE activation_id = ? ORDER BY id'),
      insertFeature: db.prepare(
        `INSERT INTO features (feature_id, name, version, count, uncounted, overdraft, uncapped_overdraft, starts, expiry, issued,
           issuer, notice, vendor, vendor_string, received_time, borrow_interval, renew_interval, metered, metered_reusable,
           metered_undo_interval, concurrent, type, activation_id, selectors)
         VALUES (@feature_id, @name, @version, @count, @uncounted, @overdraft, @uncapped_overdraft, @starts, @expiry, @issued,
           @issuer, @notice, @vendor, @vendor_string, @received_time, @borrow_interval, @renew_interval, @metered, @metered_reusable,
           @metered_undo_interval, @concurrent, @type, @activation_id, @selectors)`,
      ),
      updateFeature: db.prepare(
        `UPDATE features SET name = @name, version = @version, count = @count, uncounted = @uncounted, overdraft = @overdraft,
           uncapped_overdraft = @uncapped_overdraft, starts = @starts, expiry = @expiry, issued = @issued, issuer = @issuer,
           notice = @notice, vendor = @vendor, vendor_string = @vendor_string, received_time = @received_time,
           borrow_interval = @borrow_interval, renew_interval = @renew_interval, metered = @metered,
           metered_reusable = @metered_reusable, metered_undo_interval = @metered_undo_interval, concurrent = @concurrent,
           type = @type, selectors = @selectors
         WHERE id = @id`,
      ),
      deleteFeature: db.prepare('DELETE FROM features WHERE id = ?'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  private meta(key: string): string | undefined {
    return (this.stmts.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  /** Units of an activation id the server holds now (0 when none). */
  heldCount(activationId: string): number {
    return (this.stmts.activation.get(activationId) as { count: number } | undefined)?.count ?? 0;
  }

  /** Whether the back office asked for a confirmation that has not been sent yet. */
  confirmationPending(): boolean {
    return this.meta(META_CONFIRMATION) === 'true';
  }

  private issue(payload: Parameters<typeof createRequest>[1], activationId: string | null, count: number | null): Buffer {
    return this.db.transaction(() => {
      const sequence = BigInt((this.stmts.nextSequence.get() as { next: number }).next);
      const server = readKey(this.db, 'server');
      const id = this.identity();
      const issued = createRequest({ instanceId: id.instanceId, hostId: id.hostId, privateKey: server.privateKey }, payload, sequence);
      this.stmts.insertRequest.run({
        requestId: issued.requestId.toString('hex'),
        sequence: Number(sequence),
        kind: payload.type,
        activationId,
        count,
        sha256: sha256Hex(issued.bytes),
        size: issued.bytes.length,
        createdAt: Number(issued.timestamp),
      });
      return issued.bytes;
    })();
  }

  /** A signed capability request listing what the server holds (a confirmation when one is pending). */
  capabilityRequest(): Buffer {
    const activations = this.stmts.heldActivations.all() as { activationId: string; count: number }[];
    return this.issue({ type: 'capability', activations, ...(this.confirmationPending() ? { confirmation: true } : {}) }, null, null);
  }

  /**
   * A signed activation request for `count` units of `activationId`. The count is the new total:
   * 0 returns everything, and any other count may not be below what the server holds now.
   */
  activationRequest(activationId: string, count: number): Buffer {
    if (!Number.isInteger(count) || count < 0) {
      throw new ApiError(400, 'glsErr.invalidCount', `Count must be a whole number of 0 or more, not ${count}.`, {
        args: [count],
        details: [{ path: 'count', message: 'must be a whole number >= 0' }],
      });
    }
    const held = this.heldCount(activationId);
    if (count !== 0 && count < held) {
      throw new ApiError(
        400,
        'glsErr.invalidCount',
        `This server holds ${held} units of ${activationId}; a count of ${count} would lower that. Ask for ${held} or more, or 0 to return all.`,
        { args: [count, held], details: [{ path: 'count', message: `must be 0 (return all) or at least ${held}` }] },
      );
    }
    return this.issue({ type: 'activation', activationId, count }, activationId, count);
  }

  /** Checks a response completely (signature, target, producer, freshness) before anything changes. */
  private check(bytes: Uint8Array): { response: ReadResponse; sequence: number } {
    const producer = readKey(this.db, 'producer');
    const id = this.identity();
    let response: ReadResponse;
    try {
      response = readResponse(bytes, { instanceId: id.instanceId, producerPublicKey: producer.publicRaw });
    } catch (err) {
      if (err instanceof OfflineFileError) throw offlineError(err, err.code === 'foreign' ? [id.instanceId] : []);
      throw err;
    }
    const fail = (code: OfflineFileError['code'], message: string, args: unknown[] = []) =>
      offlineError(new OfflineFileError(code, message), args);
    const request = this.stmts.findRequest.get(response.requestIdHex) as
      | { sequence: number; kind: string; activation_id: string | null; count: number | null; applied_at: number | null }
      | undefined;
    if (!request) {
      throw fail('foreign', `The response answers request ${response.requestIdHex}, which this server never issued.`, [id.instanceId]);
    }
    if (request.applied_at !== null) {
      throw fail('stale', `The response to request ${response.requestIdHex} was already loaded on ${new Date(request.applied_at).toISOString()}; a response can be loaded once.`);
    }
    if (BigInt(request.sequence) !== response.envelope.sequence || request.kind !== response.payload.type) {
      throw fail('invalid', `The response does not match request ${response.requestIdHex} (sequence or kind differs).`);
    }
    if (request.kind === 'activation') {
      const ids = response.payload.activations.map((a) => a.activationId);
      if (ids.length !== 1 || ids[0] !== request.activation_id) {
        throw fail('invalid', `The response to an activation request for ${request.activation_id} must cover exactly that activation id.`);
      }
    } else {
      const last = Number(this.meta(META_LAST_CAPABILITY) ?? 0);
      if (request.sequence < last) {
        throw fail('stale', `The response answers capability request #${request.sequence}, but the response to the newer request #${last} is already loaded.`);
      }
    }
    for (const a of response.payload.activations) {
      const held = this.stmts.activation.get(a.activationId) as { applied_sequence: number } | undefined;
      if (held && held.applied_sequence > request.sequence) {
        throw fail('stale', `The response is older than the one already loaded for ${a.activationId} (request #${request.sequence} < #${held.applied_sequence}).`);
      }
    }
    return { response, sequence: request.sequence };
  }

  /** Applies a capability response in one transaction; nothing changes when it is refused. */
  applyResponse(bytes: Uint8Array): ApplyResult {
    return this.db.transaction((): ApplyResult => {
      const { response, sequence } = this.check(bytes);
      const payload: ResponsePayload = response.payload;
      const now = Date.now();
      const changes: ApplyResult['changes'] = { added: [], updated: [], removed: [] };
      for (const activation of payload.activations) {
        const existing = new Map((this.stmts.featuresOf.all(activation.activationId) as FeatureRow[]).map((r) => [r.feature_id, r]));
        for (const granted of activation.features) {
          const cols = columnsFor(granted);
          const row = existing.get(granted.featureId);
          if (!row) {
            this.stmts.insertFeature.run({ ...cols, received_time: now, activation_id: activation.activationId });
            changes.added.push(changeOf(cols));
            continue;
          }
          existing.delete(granted.featureId);
          const differs = (Object.keys(cols) as (keyof typeof cols)[]).some((k) => row[k] !== cols[k]);
          if (differs) {
            this.stmts.updateFeature.run({ ...cols, received_time: now, id: row.id });
            changes.updated.push(changeOf(cols));
          }
        }
        for (const row of existing.values()) {
          this.stmts.deleteFeature.run(row.id);
          changes.removed.push(changeOf(row));
        }
        if (activation.count === 0 && activation.features.length === 0) {
          this.stmts.deleteActivation.run(activation.activationId);
        } else {
          this.stmts.upsertActivation.run(activation.activationId, activation.count, sequence, now);
        }
      }
      this.stmts.markApplied.run(now, response.requestIdHex);
      if (payload.type === 'capability') {
        this.stmts.setMeta.run(META_LAST_CAPABILITY, String(sequence));
        // A capability request sent after an activation confirms it.
        this.stmts.setMeta.run(META_CONFIRMATION, String(payload.confirmationRequestNeeded));
      } else if (payload.confirmationRequestNeeded) {
        this.stmts.setMeta.run(META_CONFIRMATION, 'true');
      }
      return { confirmationRequestNeeded: payload.confirmationRequestNeeded, changes };
    })();
  }

  /** The SHA-256 the server recorded for an issued request, by request id (hex); for tests and audits. */
  issuedRequestHash(requestIdHex: string): string | undefined {
    return (this.stmts.findRequest.get(requestIdHex) as { sha256: string } | undefined)?.sha256;
  }
}

/**
 * Checks an activation request body before the spec's schema does, so that a bad count answers
 * `glsErr.invalidCount` (as the spec's example shows) rather than the generic validation error.
 */
export function checkActivationRequestBody(body: unknown): ApiError | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const count = (body as { count?: unknown }).count;
  if (count === undefined || (typeof count === 'number' && Number.isInteger(count) && count >= 0)) return null;
  return new ApiError(400, 'glsErr.invalidCount', `Count must be a whole number of 0 or more (0 returns all), not ${JSON.stringify(count)}.`, {
    args: [JSON.stringify(count)],
    details: [{ path: '$.count', message: 'must be a whole number >= 0' }],
  });
}
