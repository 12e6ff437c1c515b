import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, EnvelopeFormatError, MAGIC } from '../../src/backoffice/format.js';
import { parseEntitlements, grantForRequest, EntitlementError, RefusedRequestError } from '../../src/backoffice/entitlements.js';
import { createRequest, readRequest, readResponse, respondToRequest, OfflineFileError } from '../../src/backoffice/protocol.js';
import { rawPublicKey } from '../../src/backoffice/crypto.js';
import { checkClientKey } from '../../src/backoffice/client-key.js';

const server = generateKeyPairSync('ed25519');
const producer = generateKeyPairSync('ed25519');
const signer = { instanceId: 'INST00000001', hostId: 'F01898AD8DD3/ETHERNET', privateKey: server.privateKey };
const ENTITLEMENTS = parseEntitlements({
  'ACT-0001': [
    { featureName: 'f1', featureVersion: '1.0', count: 5 },
    { featureName: 'f2', featureVersion: '2.1', uncounted: true, vendorString: 'Zoë Ω' },
  ],
  'ACT-0002': { count: 3, features: [{ featureId: 'FID-X', featureName: 'f3', featureVersion: '1', count: 2, metered: true }] },
});

function failure(fn: () => unknown): OfflineFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OfflineFileError) return err;
    throw err;
  }
  throw new Error('expected an OfflineFileError');
}

describe('offline file format', () => {
  it('writes requests that start with their magic and read back field for field', () => {
    const issued = createRequest(signer, { type: 'activation', activationId: 'ACT-0001', count: 2 }, 7n, 1_700_000_000_000);
    expect(issued.bytes.subarray(0, 4).toString('ascii')).toBe(MAGIC.activationRequest);
    expect(issued.bytes[4]).toBe(1);
    const env = decodeEnvelope(issued.bytes);
    expect(env).toMatchObject({ kind: 'activationRequest', instanceId: 'INST00000001', hostId: 'F01898AD8DD3/ETHERNET', sequence: 7n, timestamp: 1_700_000_000_000n });
    expect(Buffer.from(env.requestId).equals(issued.requestId)).toBe(true);
    expect(readRequest(issued.bytes).payload).toEqual({ type: 'activation', activationId: 'ACT-0001', count: 2 });
  });

  it('refuses every truncation of a valid file as a format error', () => {
    const { bytes } = createRequest(signer, { type: 'capability', activations: [] }, 1n);
    for (let n = 0; n < bytes.length; n++) {
      expect(() => decodeEnvelope(bytes.subarray(0, n))).toThrow(EnvelopeFormatError);
    }
    expect(() => decodeEnvelope(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(/unexpected bytes/);
  });

  it('reports garbage as not a LicenseDesk file', () => {
    expect(() => decodeEnvelope(randomBytes(1024))).toThrow(EnvelopeFormatError);
  });

  it('detects a flipped byte in a request as tampering', () => {
    const { bytes } = createRequest(signer, { type: 'activation', activationId: 'ACT-0001', count: 2 }, 1n);
    const copy = Buffer.from(bytes);
    copy[30] = copy[30]! ^ 0x01;
    expect(failure(() => readRequest(copy)).code).toBe('tampered');
  });
});

describe('entitlements', () => {
  it('multiplies per-unit counts for an activation request', () => {
    const [granted] = grantForRequest({ type: 'activation', activationId: 'ACT-0001', count: 2 }, ENTITLEMENTS);
    expect(granted).toEqual({
      activationId: 'ACT-0001',
      count: 2,
      features: [
        { featureId: 'ACT-0001-1', featureName: 'f1', featureVersion: '1.0', count: 10 },
        { featureId: 'ACT-0001-2', featureName: 'f2', featureVersion: '2.1', count: 0, uncounted: true, vendorString: 'Zoë Ω' },
      ],
    });
  });

  it('grants nothing for count 0 and refuses unknown activation ids', () => {
    expect(grantForRequest({ type: 'activation', activationId: 'ACT-0002', count: 0 }, ENTITLEMENTS)).toEqual([
      { activationId: 'ACT-0002', count: 0, features: [] },
    ]);
    expect(() => grantForRequest({ type: 'activation', activationId: 'ACT-9', count: 1 }, ENTITLEMENTS)).toThrow(RefusedRequestError);
  });

  it('answers a capability request with every listed activation and returns ids no longer listed', () => {
    const out = grantForRequest(
      { type: 'capability', activations: [{ activationId: 'ACT-0001', count: 4 }, { activationId: 'ACT-OLD', count: 1 }] },
      ENTITLEMENTS,
    );
    expect(out.map((a) => [a.activationId, a.count, a.features.map((f) => f.count)])).toEqual([
      ['ACT-0001', 4, [20, 0]],
      ['ACT-0002', 3, [6]],
      ['ACT-OLD', 0, []],
    ]);
  });

  it('points at the bad value of a malformed entitlement file', () => {
    expect(() => parseEntitlements({ A: [{ featureName: 'f1', featureVersion: 'x', count: 1 }] })).toThrow(/\$\["A"\]\[0\]\.featureVersion/);
    expect(() => parseEntitlements({ A: [{ featureName: 'f1', featureVersion: '1.0' }] })).toThrow(EntitlementError);
    expect(() => parseEntitlements({ A: [{ featureName: 'f1', featureVersion: '1.0', count: '2' }] })).toThrow(/count/);
    expect(() => parseEntitlements([])).toThrow(EntitlementError);
  });
});

describe('responses', () => {
  const expectFor = { instanceId: 'INST00000001', producerPublicKey: rawPublicKey(producer.publicKey) };

  it('round-trips a signed response to the server that asked', () => {
    const issued = createRequest(signer, { type: 'activation', activationId: 'ACT-0001', count: 2 }, 3n);
    const { response } = respondToRequest(issued.bytes, ENTITLEMENTS, producer.privateKey);
    const read = readResponse(response, expectFor);
    expect(read.envelope.sequence).toBe(3n);
    expect(read.requestIdHex).toBe(issued.requestId.toString('hex'));
    expect(read.payload.confirmationRequestNeeded).toBe(true);
    expect(read.payload.activations[0]!.features[0]!.count).toBe(10);
  });

  it('classifies tampered, foreign-key, foreign-server, truncated and wrong-kind files', () => {
    const issued = createRequest(signer, { type: 'activation', activationId: 'ACT-0001', count: 2 }, 3n);
    const { response } = respondToRequest(issued.bytes, ENTITLEMENTS, producer.privateKey);

    const tampered = Buffer.from(response);
    tampered[response.length - 100] = tampered[response.length - 100]! ^ 0xff;
    expect(failure(() => readResponse(tampered, expectFor)).code).toBe('tampered');

    const other = generateKeyPairSync('ed25519');
    const foreignKey = respondToRequest(issued.bytes, ENTITLEMENTS, other.privateKey).response;
    expect(failure(() => readResponse(foreignKey, expectFor)).message).toMatch(/producer key this server does not trust/);

    const otherServer = createRequest({ ...signer, instanceId: 'OTHER0000001' }, { type: 'activation', activationId: 'ACT-0001', count: 1 }, 1n);
    const foreignServer = respondToRequest(otherServer.bytes, ENTITLEMENTS, producer.privateKey).response;
    const err = failure(() => readResponse(foreignServer, expectFor));
    expect(err.code).toBe('foreign');
    expect(err.message).toMatch(/OTHER0000001/);

    expect(failure(() => readResponse(response.subarray(0, response.length - 1), expectFor)).code).toBe('invalid');
    expect(failure(() => readResponse(issued.bytes, expectFor)).message).toMatch(/not a capability response/);
  });
});

describe('client keys', () => {
  const der = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) => key.export({ format: 'der', type: 'spki' });

  it('accepts an RSA 2048-bit SPKI key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(checkClientKey(der(publicKey))).toMatchObject({ ok: true });
  });

  it('says what it found when refusing', () => {
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const pem = Buffer.from(rsa2048.export({ format: 'pem', type: 'spki' }));
    const pkcs1 = rsa2048.export({ format: 'der', type: 'pkcs1' });
    const cases: [Buffer, RegExp][] = [
      [der(rsa1024), /RSA 1024-bit/],
      [der(ec), /EC public key \(curve prime256v1\)/],
      [pem, /PEM text \(-----BEGIN PUBLIC KEY-----\)/],
      [pkcs1, /PKCS#1/],
      [randomBytes(300), /not a DER public key/],
      [Buffer.alloc(0), /empty/],
      [Buffer.concat([der(rsa2048), Buffer.from([1, 2])]), /2 extra bytes/],
    ];
    for (const [bytes, message] of cases) {
      const check = checkClientKey(bytes);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.message).toMatch(message);
    }
  });
});
