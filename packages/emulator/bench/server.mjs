// The bench's server process: a fresh data folder filled in bulk, then served through the engine.
// Started by run.mjs; prints one JSON line {url, setupMs, devices, features} when it listens.
import { startEmulator } from '../dist/index.js';

const [dataDir, devicesArg, featuresArg] = process.argv.slice(2);
const DEVICES = Number(devicesArg);
const FEATURES = Number(featuresArg);
const RECORDS_PER_NAME = 5;
const WEEK = 7 * 24 * 3600 * 1000;

const started = performance.now();
const emu = await startEmulator({ port: 0, dataDir, seed: 'none', expiryTimer: false, adminPassword: 'Bench!23456' });
const db = emu.context.db;
const now = Date.now();

db.transaction(() => {
  const feature = db.prepare(
    `INSERT INTO features (feature_id, name, version, count, expiry, vendor_string, received_time, activation_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < FEATURES; i++) {
    const name = `feat-${String(Math.floor(i / RECORDS_PER_NAME)).padStart(4, '0')}`;
    const n = i % RECORDS_PER_NAME;
    const expiry = n === 4 ? '2099-12-31' : 'permanent';
    feature.run(`FID-${i}`, name, `1.${n}`, 1000, expiry, `bench vendor string ${i}`, now, `ACT-${Math.floor(i / 50)}`);
  }
  const client = db.prepare(
    `INSERT INTO clients (hostid_key, hostid_value, hostid_type, request_hostid_value, request_hostid_type, host_name,
       machine_type, created_at, update_time)
     VALUES (?, ?, 'STRING', ?, 'STRING', ?, ?, ?, ?)`,
  );
  const grant = db.prepare(
    `INSERT INTO grants (client_id, feature_id, count, pool, granted_at, borrow_expiry) VALUES (?, ?, 1, 'default', ?, ?)`,
  );
  const types = ['PHYSICAL', 'VIRTUAL', 'UNKNOWN'];
  for (let i = 0; i < DEVICES; i++) {
    const value = `DEV-${String(i).padStart(6, '0')}`;
    const info = client.run(`STRING\u0000${value}`, value, value, `host-${i}.bench.example`, types[i % 3], now, now);
    // Every device holds one count of one record, spread over all records.
    grant.run(Number(info.lastInsertRowid), 1 + ((i * 7919) % FEATURES), now, now + WEEK);
  }
})();
emu.context.licensing.invalidate();
// Build the engine's summary now rather than inside the first measured request.
emu.context.licensing.records();

process.stdout.write(`${JSON.stringify({ url: emu.url, setupMs: Math.round(performance.now() - started), devices: DEVICES, features: FEATURES })}\n`);

const stop = () => emu.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
