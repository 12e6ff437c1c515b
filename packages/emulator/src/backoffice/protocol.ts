import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { rawPublicKey, signBytes, verifyBytes, keyFingerprint } from './crypto.js';
import {
  appendSignature,
  decodeEnvelope,
  describeKind,
  encodeSignedPart,
  EnvelopeFormatError,
  requestIdHex,
  type Envelope,
  type EnvelopeKind,
  type GrantedActivation,
  type RequestPayload,
  type ResponsePayload,
} from './format.js';
import { grantForRequest, type Entitlements } from './entitlements.js';

/** Whose file this is and who signs it. */
export interface Signer {
  instanceId: string;
  hostId: string;
  privateKey: KeyObject;
}

/** Why an offline file was refused; `code` maps to the server's error keys. */
export type OfflineFailure = 'invalid' | 'tampered' | 'foreign' | 'stale';

export class OfflineFileError extends Error {
  override readonly name = 'OfflineFileError';

  constructor(
    readonly code: OfflineFailure,
    message: string,
  ) {
    super(message);
  }
}

function keyPublic(privateKey: KeyObject): Buffer {
  return rawPublicKey(createPublicKey(privateKey));
}

function signEnvelope(
  kind: EnvelopeKind,
  fields: Omit<Envelope, 'kind' | 'signature' | 'signedBytes' | 'version' | 'publicKey'>,
  privateKey: KeyObject,
): Buffer {
  const signed = encodeSignedPart({ ...fields, kind, publicKey: keyPublic(privateKey) });
  return appendSignature(signed, signBytes(privateKey, signed));
}

/** A freshly made request file and the facts the server records about it. */
export interface IssuedRequest {
  bytes: Buffer;
  requestId: Buffer;
  sequence: bigint;
  timestamp: bigint;
}

/** Makes a signed request file (capability or activation) for the server in `signer`. */
export function createRequest(signer: Signer, payload: RequestPayload, sequence: bigint, now = Date.now()): IssuedRequest {
  const requestId = randomBytes(16);
  const timestamp = BigInt(now);
  const kind: EnvelopeKind = payload.type === 'activation' ? 'activationRequest' : 'capabilityRequest';
  const bytes = signEnvelope(
    kind,
    { instanceId: signer.instanceId, hostId: signer.hostId, requestId, sequence, timestamp, payloadText: JSON.stringify(payload) },
    signer.privateKey,
  );
  return { bytes, requestId, sequence, timestamp };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function parsePayloadJson(envelope: Envelope): unknown {
  try {
    return JSON.parse(envelope.payloadText);
  } catch {
    throw new OfflineFileError('invalid', `The payload of ${describeKind(envelope.kind)} is not valid JSON.`);
  }
}

/** Checks the shape of a request payload. */
export function readRequestPayload(envelope: Envelope): RequestPayload {
  const p = parsePayloadJson(envelope);
  const bad = (why: string) => new OfflineFileError('invalid', `The payload of ${describeKind(envelope.kind)} is malformed: ${why}.`);
  if (!isObject(p)) throw bad('not an object');
  if (envelope.kind === 'activationRequest') {
    if (p.type !== 'activation' || typeof p.activationId !== 'string' || !isCount(p.count)) {
      throw bad('expected {type:"activation", activationId, count}');
    }
    return { type: 'activation', activationId: p.activationId, count: p.count };
  }
  if (p.type !== 'capability' || !Array.isArray(p.activations)) throw bad('expected {type:"capability", activations:[...]}');
  const activations = p.activations.map((a) => {
    if (!isObject(a) || typeof a.activationId !== 'string' || !isCount(a.count)) throw bad('an activation needs activationId and count');
    return { activationId: a.activationId, count: a.count };
  });
  return { type: 'capability', activations, ...(p.confirmation === true ? { confirmation: true } : {}) };
}

/** A request as the back office reads it. */
export interface ReadRequest {
  envelope: Envelope;
  payload: RequestPayload;
}

/**
 * Reads a request file on the back office side: well-formed, a request (not a response) and signed
 * by the key it carries.
 */
export function readRequest(bytes: Uint8Array): ReadRequest {
  let envelope: Envelope;
  try {
    envelope = decodeEnvelope(bytes);
  } catch (err) {
    if (err instanceof EnvelopeFormatError) throw new OfflineFileError('invalid', err.message);
    throw err;
  }
  if (envelope.kind === 'response') {
    throw new OfflineFileError('invalid', 'This is a capability response, not a request; give the back office the file the server produced.');
  }
  if (!verifyBytes(envelope.publicKey, envelope.signedBytes, envelope.signature)) {
    throw new OfflineFileError('tampered', `The signature of ${describeKind(envelope.kind)} does not match its contents: the file was changed after the server signed it.`);
  }
  return { envelope, payload: readRequestPayload(envelope) };
}

/** Makes a signed response that answers `request` with `activations`. */
export function createResponse(
  request: Envelope,
  payload: ResponsePayload,
  producerKey: KeyObject,
  now = Date.now(),
): Buffer {
  return signEnvelope(
    'response',
    {
      instanceId: request.instanceId,
      hostId: request.hostId,
      requestId: request.requestId,
      sequence: request.sequence,
      timestamp: BigInt(now),
      payloadText: JSON.stringify(payload),
    },
    producerKey,
  );
}

/** The back office's whole job: read a request, grant what the entitlements list, sign the answer. */
export function respondToRequest(requestBytes: Uint8Array, entitlements: Entitlements, producerKey: KeyObject, now = Date.now()): {
  request: ReadRequest;
  response: Buffer;
  payload: ResponsePayload;
} {
  const request = readRequest(requestBytes);
  const activations = grantForRequest(request.payload, entitlements);
  const payload: ResponsePayload = {
    type: request.payload.type,
    // An applied activation is confirmed to the back office by the server's next capability request.
    confirmationRequestNeeded: request.payload.type === 'activation',
    activations,
  };
  return { request, response: createResponse(request.envelope, payload, producerKey, now), payload };
}

function readGrantedActivations(value: unknown, bad: (why: string) => OfflineFileError): GrantedActivation[] {
  if (!Array.isArray(value)) throw bad('activations must be a list');
  return value.map((a, i) => {
    if (!isObject(a) || typeof a.activationId !== 'string' || !isCount(a.count) || !Array.isArray(a.features)) {
      throw bad(`activations[${i}] needs activationId, count and features`);
    }
    const features = a.features.map((f, j) => {
      if (!isObject(f) || typeof f.featureId !== 'string' || typeof f.featureName !== 'string' || typeof f.featureVersion !== 'string' || !isCount(f.count)) {
        throw bad(`activations[${i}].features[${j}] needs featureId, featureName, featureVersion and count`);
      }
      return f as unknown as GrantedActivation['features'][number];
    });
    return { activationId: a.activationId, count: a.count, features };
  });
}

/** A response the server has checked: well-formed, signed by the key it carries. */
export interface ReadResponse {
  envelope: Envelope;
  payload: ResponsePayload;
  requestIdHex: string;
}

/**
 * Reads a response file on the server side and checks it against the server's identity and its
 * trusted producer key. Staleness is the caller's check (it needs the server's records).
 */
export function readResponse(bytes: Uint8Array, expect: { instanceId: string; producerPublicKey: Uint8Array }): ReadResponse {
  let envelope: Envelope;
  try {
    envelope = decodeEnvelope(bytes);
  } catch (err) {
    if (err instanceof EnvelopeFormatError) throw new OfflineFileError('invalid', err.message);
    throw err;
  }
  if (envelope.kind !== 'response') {
    throw new OfflineFileError(
      'invalid',
      `This is ${describeKind(envelope.kind)}, not a capability response: take it to the back office and upload the response it returns.`,
    );
  }
  if (!verifyBytes(envelope.publicKey, envelope.signedBytes, envelope.signature)) {
    throw new OfflineFileError('tampered', 'The response was changed after the back office signed it: its signature does not match its contents.');
  }
  if (Buffer.compare(Buffer.from(envelope.publicKey), Buffer.from(expect.producerPublicKey)) !== 0) {
    throw new OfflineFileError(
      'foreign',
      `The response is signed by a producer key this server does not trust (key ${keyFingerprint(envelope.publicKey)}, expected ${keyFingerprint(expect.producerPublicKey)}).`,
    );
  }
  if (envelope.instanceId !== expect.instanceId) {
    throw new OfflineFileError(
      'foreign',
      `The response is for server instance ${JSON.stringify(envelope.instanceId)}, not this server (${JSON.stringify(expect.instanceId)}).`,
    );
  }
  const p = parsePayloadJson(envelope);
  const bad = (why: string) => new OfflineFileError('invalid', `The response payload is malformed: ${why}.`);
  if (!isObject(p)) throw bad('not an object');
  if (p.type !== 'capability' && p.type !== 'activation') throw bad('type must be "capability" or "activation"');
  const payload: ResponsePayload = {
    type: p.type,
    confirmationRequestNeeded: p.confirmationRequestNeeded === true,
    activations: readGrantedActivations(p.activations, bad),
  };
  return { envelope, payload, requestIdHex: requestIdHex(envelope.requestId) };
}
