import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLicenseServerClient, type LicenseServerClient } from '@licensedesk/sdk';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { rejection } from '../support/server.js';

const PASSWORD = 'Keys!23456';

let emu: RunningEmulator;
let client: LicenseServerClient;

const spki = (key: KeyObject) => key.export({ format: 'der', type: 'spki' });

beforeAll(async () => {
  emu = await startEmulator({ port: 0, memory: true, validateResponses: true, secure: true, adminPassword: PASSWORD, expiryTimer: false });
  client = createLicenseServerClient({ server: emu.url });
  await client.login('admin', PASSWORD);
});

afterAll(async () => {
  await emu?.close();
});

describe('client public key', () => {
  const accepted = spki(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey);

  it('has none at first', async () => {
    expect(await client.keys.get()).toBeNull();
  });

  it('stores a DER RSA 2048-bit key and gives it back', async () => {
    expect(await client.keys.upload(accepted)).toEqual({ publicKey: accepted.toString('base64') });
    expect(await client.keys.get()).toEqual({ publicKey: accepted.toString('base64') });
  });

  it('refuses other keys with a message naming what it found, keeping the stored key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const cases: [string, Uint8Array, RegExp][] = [
      ['PEM text', Buffer.from(rsa.export({ format: 'pem', type: 'spki' })), /PEM text \(-----BEGIN PUBLIC KEY-----\), not DER/],
      ['RSA 1024', spki(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey), /RSA 1024-bit public key/],
      ['RSA 4096', spki(generateKeyPairSync('rsa', { modulusLength: 4096 }).publicKey), /RSA 4096-bit public key/],
      ['EC P-256', spki(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey), /EC public key \(curve prime256v1\)/],
      ['Ed25519', spki(generateKeyPairSync('ed25519').publicKey), /ed25519 public key/],
      ['PKCS#1', rsa.export({ format: 'der', type: 'pkcs1' }), /PKCS#1 RSAPublicKey/],
      ['garbage', randomBytes(294), /not a DER public key/],
    ];
    for (const [what, bytes, message] of cases) {
      const error = await rejection(client.keys.upload(bytes));
      expect(error.status, what).toBe(400);
      expect(error.key, what).toBe('glsErr.invalidPublicKey');
      expect(error.message, what).toMatch(message);
    }
    expect(await client.keys.get()).toEqual({ publicKey: accepted.toString('base64') });
  });

  it('needs an administrator', async () => {
    const anonymous = createLicenseServerClient({ server: emu.url });
    expect((await rejection(anonymous.keys.get())).status).toBe(401);
  });

  it('deletes with 410 Gone, also when none is set', async () => {
    const login = await fetch(`${emu.url}/api/1.0/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'admin', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const raw = await fetch(`${emu.url}/api/1.0/instances/~/rest_licensing_keys`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(raw.status).toBe(410);
    expect(await client.keys.get()).toBeNull();
    await client.keys.delete();
    expect(await client.keys.get()).toBeNull();
  });
});
