import type { Migration } from '../db/migrations.js';

/** The active model definition (at most one), kept exactly as uploaded. */
export const modelMigration: Migration = {
  name: 'model',
  up(db) {
    db.exec(`
      CREATE TABLE model_definition (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        size INTEGER NOT NULL,
        -- Named pools the model defines; 0 = a rules-only model (reservations stay allowed).
        pool_count INTEGER NOT NULL,
        uploaded_at INTEGER NOT NULL
      );
    `);
  },
};
