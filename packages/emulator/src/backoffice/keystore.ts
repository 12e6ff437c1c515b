import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import Database from 'better-sqlite3';
import { DB_FILE } from '../db/open.js';
import { privateKeyFromDer } from './crypto.js';

/** A stored signing key: its raw public half, its PKCS#8 private half and the key object. */
export interface StoredKey {
  publicRaw: Buffer;
  privateDer: Buffer;
  privateKey: KeyObject;
}

/** Reads the `server` or `producer` key pair from an open emulator database. */
export function readKey(db: Database.Database, name: 'server' | 'producer'): StoredKey {
  const row = db.prepare('SELECT public_key, private_key FROM offline_keys WHERE name = ?').get(name) as
    | { public_key: Buffer; private_key: Buffer }
    | undefined;
  if (!row) throw new Error(`The database has no ${name} key; it was not created by this emulator.`);
  return { publicRaw: row.public_key, privateDer: row.private_key, privateKey: privateKeyFromDer(row.private_key) };
}

/** Reads the producer key of a data folder without changing anything in it. */
export function readProducerKeyFromDataDir(dataDir: string): StoredKey {
  const file = join(dataDir, DB_FILE);
  if (!existsSync(file)) {
    throw new Error(`${dataDir} is not an emulator data folder (no ${DB_FILE}); start the emulator with --data ${dataDir} once first.`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return readKey(db, 'producer');
  } catch (err) {
    throw new Error(`Cannot read the producer key from ${file}: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}
