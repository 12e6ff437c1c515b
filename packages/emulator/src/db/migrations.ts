import type { Database } from 'better-sqlite3';
import { offlineMigration } from '../backoffice/schema.js';
import { modelMigration } from '../pools/schema.js';

/**
 * One schema step. The list below is ordered; migration N (1-based position) brings
 * `PRAGMA user_version` from N-1 to N. Append new steps at the end, never edit a shipped one.
 */
export interface Migration {
  /** Short name for logs, e.g. `core` or `model`. */
  name: string;
  up(db: Database): void;
}

const core: Migration = {
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE users (
        name TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        roles TEXT NOT NULL,
        password_change_required INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- Only values someone chose; defaults live in the settings catalogue.
      CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('admin', 'producer')),
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE features (
        id INTEGER PRIMARY KEY,
        feature_id TEXT NOT NULL,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        uncounted INTEGER NOT NULL DEFAULT 0,
        overdraft INTEGER NOT NULL DEFAULT 0,
        uncapped_overdraft INTEGER NOT NULL DEFAULT 0,
        starts TEXT,
        expiry TEXT,
        issued TEXT,
        issuer TEXT NOT NULL DEFAULT '',
        notice TEXT NOT NULL DEFAULT '',
        vendor TEXT NOT NULL DEFAULT '',
        vendor_string TEXT NOT NULL DEFAULT '',
        received_time INTEGER NOT NULL,
        borrow_interval INTEGER NOT NULL DEFAULT 0,
        renew_interval INTEGER NOT NULL DEFAULT 0,
        metered INTEGER NOT NULL DEFAULT 0,
        metered_reusable INTEGER NOT NULL DEFAULT 0,
        metered_undo_interval INTEGER NOT NULL DEFAULT 0,
        concurrent INTEGER NOT NULL DEFAULT 1,
        type TEXT NOT NULL DEFAULT 'CONCURRENT',
        feature_kind TEXT NOT NULL DEFAULT 'FEATURE',
        activation_id TEXT,
        selectors TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX features_name ON features (name, id);

      CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        hostid_key TEXT NOT NULL UNIQUE,
        hostid_value TEXT NOT NULL,
        hostid_type TEXT NOT NULL,
        request_hostid_value TEXT NOT NULL,
        request_hostid_type TEXT NOT NULL,
        alias TEXT,
        host_name TEXT,
        host_type TEXT,
        machine_type TEXT NOT NULL DEFAULT 'UNKNOWN',
        correlation_id TEXT,
        previous_correlation_id TEXT,
        suspected_duplicate INTEGER NOT NULL DEFAULT 0,
        dictionary TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL,
        update_time INTEGER NOT NULL,
        request_operation TEXT NOT NULL DEFAULT 'REQUEST'
      );
      -- Prefix filters (HOST-1*) use a range on this column, so it needs the BINARY collation index.
      CREATE INDEX clients_hostid_value ON clients (hostid_value, id);

      -- What each client holds: one row per client and feature record and source.
      CREATE TABLE grants (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        feature_id INTEGER NOT NULL REFERENCES features (id) ON DELETE CASCADE,
        count INTEGER NOT NULL,
        pool TEXT,
        reservation_entry_id INTEGER,
        granted_at INTEGER NOT NULL,
        borrow_expiry INTEGER
      );
      CREATE INDEX grants_client ON grants (client_id);
      CREATE INDEX grants_feature ON grants (feature_id, client_id);
      CREATE INDEX grants_expiry ON grants (borrow_expiry);

      CREATE TABLE reservation_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        creation_date INTEGER NOT NULL,
        ip_address TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE reservations (
        id INTEGER PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES reservation_groups (id) ON DELETE CASCADE,
        hostid_key TEXT NOT NULL UNIQUE,
        hostid_value TEXT NOT NULL,
        hostid_type TEXT NOT NULL
      );
      CREATE INDEX reservations_group ON reservations (group_id, id);
      CREATE TABLE reservation_entries (
        id INTEGER PRIMARY KEY,
        reservation_id INTEGER NOT NULL REFERENCES reservations (id) ON DELETE CASCADE,
        feature_name TEXT NOT NULL,
        feature_version TEXT NOT NULL,
        feature_count INTEGER NOT NULL CHECK (feature_count > 0)
      );
      CREATE INDEX reservation_entries_reservation ON reservation_entries (reservation_id, id);
    `);
  },
};

/** Every schema step, in order. Helpers that add tables append their own step here. */
export const migrations: Migration[] = [core, offlineMigration, modelMigration];

/** Brings a database to the newest schema; each step runs in its own transaction. */
export function migrate(db: Database, list: readonly Migration[] = migrations): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > list.length) {
    throw new Error(
      `The data folder was written by a newer emulator (schema ${from}, this one knows ${list.length}); refusing to open it.`,
    );
  }
  for (let version = from + 1; version <= list.length; version++) {
    const step = list[version - 1]!;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return { from, to: list.length };
}
