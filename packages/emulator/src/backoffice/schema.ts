import type { Migration } from '../db/migrations.js';
import { generateSigningKeyPair, rawPublicKey } from './crypto.js';

/**
 * Offline exchange and client key tables. The server and producer key pairs are made here, so a new
 * data folder (and an older one the first time this emulator opens it) always has both.
 */
export const offlineMigration: Migration = {
  name: 'offline',
  up(db) {
    db.exec(`
      -- 'server' signs the requests the server issues; 'producer' is the back office key the server trusts.
      CREATE TABLE offline_keys (
        name TEXT PRIMARY KEY CHECK (name IN ('server', 'producer')),
        public_key BLOB NOT NULL,
        private_key BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );

      -- Every request the server issued; a response may answer each one once.
      CREATE TABLE offline_requests (
        request_id TEXT PRIMARY KEY,
        sequence INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('capability', 'activation')),
        activation_id TEXT,
        count INTEGER,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        applied_at INTEGER
      );

      -- Units held per activation id and the request sequence of the response that set them.
      CREATE TABLE offline_activations (
        activation_id TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        applied_sequence INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- The REST licensing client public key (DER SPKI, RSA 2048); at most one.
      CREATE TABLE client_keys (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        der BLOB NOT NULL,
        uploaded_at INTEGER NOT NULL
      );
    `);
    const insert = db.prepare('INSERT INTO offline_keys (name, public_key, private_key, created_at) VALUES (?, ?, ?, ?)');
    for (const name of ['server', 'producer']) {
      const pair = generateSigningKeyPair();
      insert.run(name, rawPublicKey(pair.publicDer), pair.privateDer, Date.now());
    }
  },
};
