import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLicenseServerClient, type LicenseServerClient } from '@licensedesk/sdk';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { rejection } from '../support/server.js';
import { runBackofficeCli } from '../../src/backoffice/cli.js';
import { decodeEnvelope, requestIdHex } from '../../src/backoffice/format.js';
import { privateKeyPem } from '../../src/backoffice/crypto.js';
import { readKey } from '../../src/backoffice/keystore.js';
import { offlineService } from '../../src/backoffice/index.js';
import { createRequest, createResponse, readRequest } from '../../src/backoffice/protocol.js';

const PASSWORD = 'Offline!2345';

const ENTITLEMENTS = {
  'ACT-0001': [
    { featureName: 'cad', featureVersion: '1.0', count: 5, vendorString: 'Zoë Ω' },
    { featureName: 'render', featureVersion: '2.0', uncounted: true, expiry: '2099-01-01' },
  ],
  'ACT-0002': { count: 1, features: [{ featureId: 'FID-METER', featureName: 'solver', featureVersion: '3.1', count: 100, metered: true }] },
};

let emu: RunningEmulator;
let client: LicenseServerClient;
let dir: string;
let producerKeyFile: string;
let entitlementsFile: string;

/** Runs the back office CLI and fails the test with its output when it does not succeed. */
function backoffice(args: string[]): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  const code = runBackofficeCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { out, err, code };
}

/** Answers request bytes through the CLI exactly as a user would (files in, file out). */
function respond(request: Uint8Array, entitlements = entitlementsFile): Buffer {
  const name = randomBytes(4).toString('hex');
  const requestFile = join(dir, `${name}-req.bin`);
  const responseFile = join(dir, `${name}-resp.bin`);
  writeFileSync(requestFile, request);
  const result = backoffice(['respond', '--producer-key', producerKeyFile, '--request', requestFile, '--entitlements', entitlements, '--out', responseFile]);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return readFileSync(responseFile);
}

/** The whole database as bytes: "nothing changed" means these are identical. */
function snapshot(): Buffer {
  return emu.context.db.serialize();
}

async function featureNames(): Promise<string[]> {
  return (await client.features.list().all()).map((f) => `${f.featureName} ${f.featureVersion} ×${f.featureCount}`).sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ld-offline-'));
  emu = await startEmulator({ port: 0, memory: true, validateResponses: true, secure: true, adminPassword: PASSWORD, expiryTimer: false });
  client = createLicenseServerClient({ server: emu.url });
  await client.login('admin', PASSWORD);
  producerKeyFile = join(dir, 'producer.pem');
  writeFileSync(producerKeyFile, privateKeyPem(readKey(emu.context.db, 'producer').privateDer));
  entitlementsFile = join(dir, 'entitlements.json');
  writeFileSync(entitlementsFile, JSON.stringify(ENTITLEMENTS));
});

afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('offline activation, end to end', () => {
  it('activates, confirms and returns an activation through the back office', async () => {
    const request = await client.offline.activationRequest({ activationId: 'ACT-0001', count: 2 });
    expect(Buffer.from(request.subarray(0, 4)).toString('ascii')).toBe('LDAR');

    const applied = await client.offline.uploadResponse(respond(request));
    expect(applied.confirmationRequestNeeded).toBe(true);
    expect(applied.changes?.added.map((c) => [c.featureName, c.featureCount]).sort()).toEqual([['cad', 10], ['render', 0]]);
    expect(await featureNames()).toEqual(['cad 1.0 ×10', 'render 2.0 ×0']);
    const cad = (await client.features.list({ featureName: 'cad' }).all())[0]!;
    expect(cad.vendorString).toBe('Zoë Ω');
    expect(cad.activationId).toBe('ACT-0001');

    // The confirmation: a capability request answered with the same rights changes nothing for ACT-0001 and adds ACT-0002.
    const capability = await client.offline.capabilityRequest();
    expect(Buffer.from(capability.subarray(0, 4)).toString('ascii')).toBe('LDCR');
    expect(readRequest(capability).payload).toEqual({ type: 'capability', activations: [{ activationId: 'ACT-0001', count: 2 }], confirmation: true });
    const confirmed = await client.offline.uploadResponse(respond(capability));
    expect(confirmed.confirmationRequestNeeded).toBe(false);
    expect(confirmed.changes).toEqual({
      added: [{ featureId: 'FID-METER', featureName: 'solver', featureVersion: '3.1', featureCount: 100, expiry: 'permanent' }],
      updated: [],
      removed: [],
    });

    // More units update the records in place.
    const more = await client.offline.activationRequest({ activationId: 'ACT-0001', count: 3 });
    const grown = await client.offline.uploadResponse(respond(more));
    expect(grown.changes?.updated.map((c) => [c.featureName, c.featureCount])).toEqual([['cad', 15]]);
    expect(grown.changes?.added).toEqual([]);

    // C23: a count below what is held (but not 0) is refused up front.
    const lower = await rejection(client.offline.activationRequest({ activationId: 'ACT-0001', count: 1 }));
    expect(lower.status).toBe(400);
    expect(lower.key).toBe('glsErr.invalidCount');
    expect(lower.message).toMatch(/holds 3 units of ACT-0001/);

    // C23: count 0 returns everything of the activation.
    const giveBack = await client.offline.activationRequest({ activationId: 'ACT-0001', count: 0 });
    const returned = await client.offline.uploadResponse(respond(giveBack));
    expect(returned.changes?.removed.map((c) => c.featureName).sort()).toEqual(['cad', 'render']);
    expect(await featureNames()).toEqual(['solver 3.1 ×100']);
    expect(offlineService(emu.context).heldCount('ACT-0001')).toBe(0);
  });

  it('hands out request bytes exactly as signed (C23)', async () => {
    const bytes = await client.offline.activationRequest({ activationId: 'ACT-0002', count: 1 });
    const envelope = decodeEnvelope(bytes);
    const recorded = offlineService(emu.context).issuedRequestHash(requestIdHex(envelope.requestId));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(recorded);
    // The signature covers every byte, so intact bytes read back without complaint.
    expect(readRequest(bytes).payload).toEqual({ type: 'activation', activationId: 'ACT-0002', count: 1 });
  });

  it('accepts the response as a multipart form upload in the field "file"', async () => {
    const request = await client.offline.activationRequest({ activationId: 'ACT-0002', count: 2 });
    const response = respond(request);
    const result = await client.offline.uploadResponse({ file: new Blob([response]) });
    expect(result.changes?.updated.map((c) => [c.featureId, c.featureCount])).toEqual([['FID-METER', 200]]);
  });

  it('refuses negative, fractional and text counts with glsErr.invalidCount', async () => {
    for (const count of [-1, 1.5, '2']) {
      const error = await rejection(client.offline.activationRequest({ activationId: 'ACT-0002', count: count as number }));
      expect(error.status).toBe(400);
      expect(error.key).toBe('glsErr.invalidCount');
      expect(error.details).toEqual([{ path: '$.count', message: 'must be a whole number >= 0' }]);
    }
  });
});

describe('responses that must change nothing', () => {
  async function expectRejected(bytes: Uint8Array, key: string, message: RegExp): Promise<void> {
    const before = snapshot();
    const error = await rejection(client.offline.uploadResponse(bytes));
    expect(error.status).toBe(400);
    expect(error.key).toBe(key);
    expect(error.message).toMatch(message);
    expect(snapshot().equals(before)).toBe(true);
  }

  it('rejects 1 KB of random bytes as not a response (C23)', async () => {
    await expectRejected(randomBytes(1024), 'glsErr.invalidResponse', /not a LicenseDesk offline file/);
  });

  it('rejects an empty upload and a request uploaded by mistake', async () => {
    await expectRejected(new Uint8Array(0), 'glsErr.invalidResponse', /empty/);
    const request = await client.offline.capabilityRequest();
    await expectRejected(request, 'glsErr.invalidResponse', /capability request, not a capability response/);
  });

  it('rejects a truncated response', async () => {
    const response = respond(await client.offline.activationRequest({ activationId: 'ACT-0002', count: 2 }));
    for (const cut of [response.length - 1, response.length - 64, 40, 5]) {
      await expectRejected(response.subarray(0, cut), 'glsErr.invalidResponse', /truncated/);
    }
  });

  it('rejects a response changed after signing', async () => {
    const response = respond(await client.offline.activationRequest({ activationId: 'ACT-0002', count: 2 }));
    const tampered = Buffer.from(response);
    // Inside the JSON payload: turn a count digit into another digit.
    const at = tampered.indexOf(Buffer.from('"count":200'));
    expect(at).toBeGreaterThan(0);
    tampered[at + 8] = '9'.charCodeAt(0);
    await expectRejected(tampered, 'glsErr.responseTampered', /changed after the back office signed it/);
  });

  it('rejects a response signed by another producer key', async () => {
    const request = await client.offline.activationRequest({ activationId: 'ACT-0002', count: 2 });
    const otherProducer = generateKeyPairSync('ed25519');
    const read = readRequest(request);
    const forged = createResponse(read.envelope, { type: 'activation', confirmationRequestNeeded: false, activations: [{ activationId: 'ACT-0002', count: 2, features: [] }] }, otherProducer.privateKey);
    await expectRejected(forged, 'glsErr.responseForeign', /producer key this server does not trust/);
  });

  it('rejects a response meant for another server', async () => {
    const otherServer = generateKeyPairSync('ed25519');
    const request = createRequest({ instanceId: 'OTHERSERVER1', hostId: '0242AC110002/ETHERNET', privateKey: otherServer.privateKey }, { type: 'activation', activationId: 'ACT-0002', count: 1 }, 1n);
    await expectRejected(respond(request.bytes), 'glsErr.responseForeign', /for server instance "OTHERSERVER1"/);
  });

  it('rejects a response loaded twice, and an older response after a newer one', async () => {
    const older = await client.offline.capabilityRequest();
    const newer = await client.offline.capabilityRequest();
    const newerResponse = respond(newer);
    const olderResponse = respond(older);
    await client.offline.uploadResponse(newerResponse);
    await expectRejected(newerResponse, 'glsErr.responseStale', /already loaded/);
    await expectRejected(olderResponse, 'glsErr.responseStale', /newer request/);
  });
});

describe('licensedesk-emulator backoffice', () => {
  it('signs with the producer key of a data folder and explains itself', async () => {
    const dataDir = join(dir, 'data');
    const onDisk = await startEmulator({ port: 0, dataDir, secure: true, adminPassword: PASSWORD, expiryTimer: false });
    try {
      const sdk = createLicenseServerClient({ server: onDisk.url });
      await sdk.login('admin', PASSWORD);
      const requestFile = join(dir, 'disk-req.bin');
      const responseFile = join(dir, 'disk-resp.bin');
      writeFileSync(requestFile, await sdk.offline.activationRequest({ activationId: 'ACT-0002', count: 1 }));

      const inspected = backoffice(['inspect', requestFile]);
      expect(inspected.code).toBe(0);
      expect(JSON.parse(inspected.out)).toMatchObject({ kind: 'an offline activation request', instanceId: onDisk.context.instanceId, signature: 'intact', payload: { activationId: 'ACT-0002', count: 1 } });

      const answered = backoffice(['respond', '--data', dataDir, '--request', requestFile, '--entitlements', entitlementsFile, '--out', responseFile]);
      expect(answered.err).toBe('');
      expect(answered.out).toMatch(/ACT-0002: 1 unit\(s\), 1 feature record\(s\)/);
      const result = await sdk.offline.uploadResponse(readFileSync(responseFile));
      expect(result.changes?.added.map((c) => c.featureId)).toEqual(['FID-METER']);

      const keyFile = join(dir, 'exported.pem');
      expect(backoffice(['export-key', '--data', dataDir, '--out', keyFile]).code).toBe(0);
      expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    } finally {
      await onDisk.close();
    }
  });

  it('reports usage errors, unknown activation ids and bad entitlement files clearly', async () => {
    expect(backoffice(['--help']).out).toMatch(/backoffice respond --request FILE/);
    expect(backoffice(['respond', '--request', 'x.bin']).err).toMatch(/--entitlements is required/);
    const requestFile = join(dir, 'unknown-req.bin');
    writeFileSync(requestFile, await client.offline.activationRequest({ activationId: 'ACT-9999', count: 1 }));
    const common = ['respond', '--producer-key', producerKeyFile, '--request', requestFile, '--out', join(dir, 'never.bin')];
    const unknown = backoffice([...common, '--entitlements', entitlementsFile]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no activation id "ACT-9999"/);
    const badFile = join(dir, 'bad-entitlements.json');
    writeFileSync(badFile, JSON.stringify({ 'ACT-9999': [{ featureName: 'x', featureVersion: 'one', count: 1 }] }));
    expect(backoffice([...common, '--entitlements', badFile]).err).toMatch(/featureVersion/);
    const garbage = join(dir, 'garbage.bin');
    writeFileSync(garbage, randomBytes(64));
    expect(backoffice(['inspect', garbage]).code).toBe(1);
    expect(backoffice(['respond', '--data', join(dir, 'nowhere'), '--request', requestFile, '--entitlements', entitlementsFile, '--out', join(dir, 'n.bin')]).err).toMatch(/not an emulator data folder/);
  });
});
