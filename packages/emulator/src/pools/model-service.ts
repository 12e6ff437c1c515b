import type { Database } from 'better-sqlite3';
import { evaluateModel, parseModel, type Evaluation, type EvaluationRequest, type ModelAst } from '@licensedesk/sdk/model';
import { ApiError } from '../errors.js';

/** The largest model definition the server takes: 900 KB. */
export const MODEL_SIZE_LIMIT = 900 * 1024;

/** The setting that says how long uploads stay locked after a successful one. */
export const MODEL_LOCK_SETTING = 'licensing.modelUploadLock';
export const DEFAULT_MODEL_LOCK_SECONDS = 10;

const META_LOCKED_UNTIL = 'model.lockedUntil';

/** `ModelStatus` in the spec. */
export interface ModelStatus {
  active: boolean;
  name?: string;
  uploadedAt?: string;
  size?: number;
  lockedUntil: string | null;
}

interface ModelRow {
  name: string;
  text: string;
  size: number;
  pool_count: number;
  uploaded_at: number;
}

/**
 * Tells whether a model with named pools is active; reservation changes are refused while one is
 * (reservations and named pools never coexist).
 */
export function isModelActive(db: Database): boolean {
  const row = db.prepare('SELECT pool_count FROM model_definition WHERE id = 1').get() as { pool_count: number } | undefined;
  return row !== undefined && row.pool_count > 0;
}

export interface ModelServiceOptions {
  db: Database;
  now: () => number;
  /** Seconds uploads stay locked after a successful one. */
  lockSeconds: () => number;
}

/** The active model definition: upload rules, lock, status and the parsed form, parsed once per upload. */
export class ModelService {
  private readonly db: Database;
  private readonly stmts;
  /** The parsed model; undefined = not read yet. */
  private cache: ModelAst | null | undefined = undefined;

  constructor(private readonly options: ModelServiceOptions) {
    const db = options.db;
    this.db = db;
    this.stmts = {
      get: db.prepare('SELECT name, text, size, pool_count, uploaded_at FROM model_definition WHERE id = 1'),
      put: db.prepare(
        `INSERT INTO model_definition (id, name, text, size, pool_count, uploaded_at) VALUES (1, @name, @text, @size, @poolCount, @uploadedAt)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, text = excluded.text, size = excluded.size,
           pool_count = excluded.pool_count, uploaded_at = excluded.uploaded_at`,
      ),
      delete: db.prepare('DELETE FROM model_definition WHERE id = 1'),
      groups: db.prepare('SELECT COUNT(*) AS n FROM reservation_groups'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      // Grants drawn from a pool the new model no longer has are booked to the default pool.
      rebook: db.prepare(`UPDATE grants SET pool = 'default' WHERE pool IS NOT NULL AND pool <> 'default' AND pool NOT IN (SELECT value FROM json_each(?))`),
    };
  }

  private row(): ModelRow | undefined {
    return this.stmts.get.get() as ModelRow | undefined;
  }

  private lockedUntil(): number {
    const value = (this.stmts.getMeta.get(META_LOCKED_UNTIL) as { value: string } | undefined)?.value;
    return value === undefined ? 0 : Number(value);
  }

  /** The active model's text exactly as uploaded, or null. */
  text(): string | null {
    return this.row()?.text ?? null;
  }

  /**
   * The parsed active model, or null when none is active. Parsed once and kept until the next
   * upload or delete (this service is the only writer), so licensing requests never touch the text.
   */
  model(): ModelAst | null {
    if (this.cache !== undefined) return this.cache;
    const row = this.row();
    const parsed = row ? parseModel(row.text) : null;
    // A stored model parsed when it was uploaded; a parser change that rejects it now leaves no pools active.
    this.cache = parsed?.ok ? parsed.model : null;
    return this.cache;
  }

  /** Whether a model with named pools is active. */
  isActive(): boolean {
    return isModelActive(this.db);
  }

  status(): ModelStatus {
    const row = this.row();
    const until = this.lockedUntil();
    const lockedUntil = until > this.options.now() ? new Date(until).toISOString() : null;
    if (!row) return { active: false, lockedUntil };
    return { active: true, name: row.name, uploadedAt: new Date(row.uploaded_at).toISOString(), size: row.size, lockedUntil };
  }

  /**
   * Replaces the model. Checks, in order: size (413), lock (409 + Retry-After), reservation groups
   * (409), then the definition itself (400 with line and column). Nothing changes unless all pass.
   */
  upload(text: string): ModelStatus {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > MODEL_SIZE_LIMIT) {
      throw new ApiError(413, 'glsErr.modelTooLarge', `The model definition is ${size} bytes; at most ${MODEL_SIZE_LIMIT} bytes (900 KB) are accepted.`, {
        args: [size, MODEL_SIZE_LIMIT],
      });
    }
    let uploaded: ModelAst | undefined;
    const result = this.db.transaction(() => {
      const now = this.options.now();
      const until = this.lockedUntil();
      if (until > now) {
        const seconds = Math.max(1, Math.ceil((until - now) / 1000));
        throw new ApiError(
          409,
          'glsErr.modelLocked',
          `The server is locked after a model upload until ${new Date(until).toISOString()}; try again in ${seconds} s.`,
          { args: [new Date(until).toISOString()], headers: { 'Retry-After': String(seconds) } },
        );
      }
      const groups = (this.stmts.groups.get() as { n: number }).n;
      if (groups > 0) {
        throw new ApiError(
          409,
          'glsErr.reservationsExist',
          `${groups} reservation group(s) exist; reservations and named license pools cannot coexist. Export and delete the reservation groups, then upload the model.`,
          { args: [groups] },
        );
      }
      const parsed = parseModel(text);
      if (!parsed.ok) {
        const first = parsed.errors[0];
        throw new ApiError(400, 'glsErr.invalidModel', `Invalid model definition: ${first ? `line ${first.line}, column ${first.column}: ${first.message}` : 'unreadable'}.`, {
          args: parsed.errors.map((e) => e.message),
          details: parsed.errors.map((e) => ({ line: e.line, column: e.column, message: e.message })),
        });
      }
      const model = parsed.model;
      uploaded = model;
      this.stmts.put.run({ name: model.name, text, size, poolCount: model.pools.length, uploadedAt: now });
      this.stmts.rebook.run(JSON.stringify(model.pools.map((p) => p.name)));
      const lockMs = Math.max(0, this.options.lockSeconds()) * 1000;
      this.stmts.setMeta.run(META_LOCKED_UNTIL, String(now + lockMs));
      return this.status();
    })();
    // Only after the commit: a rolled-back upload never reaches the cache.
    this.cache = uploaded;
    return result;
  }

  /** Removes the model; every count returns to the default pool. */
  delete(): void {
    this.db.transaction(() => {
      this.stmts.delete.run();
      this.stmts.rebook.run('[]');
    })();
    this.cache = undefined;
  }

  /** Which rule would decide a request from this device (the implicit default rule when none). */
  evaluate(request: EvaluationRequest): Evaluation {
    const model = this.model();
    if (!model) return { decision: 'accept', pools: ['default'], rule: null };
    return evaluateModel(model, request);
  }
}
