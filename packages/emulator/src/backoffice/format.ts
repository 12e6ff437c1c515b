/**
 * The binary files the emulator and its back office exchange offline.
 *
 * Every file is one envelope:
 *
 * | bytes | field |
 * |---|---|
 * | 4 | magic: `LDCR` capability request, `LDAR` activation request, `LDRS` capability response |
 * | 1 | format version, `1` |
 * | 4 + n | instance id (UTF-8): the issuing server (requests) or the target server (responses) |
 * | 4 + n | host id (UTF-8, `value/TYPE`): the issuing or target server's selected host id |
 * | 4 + 16 | request id: random bytes naming the request (a response names the request it answers) |
 * | 8 | sequence (unsigned, big-endian): the server's request counter (responses echo it) |
 * | 8 | timestamp (unsigned, big-endian): milliseconds since 1970 when the file was made |
 * | 4 + n | payload: UTF-8 JSON (see {@link RequestPayload} and {@link ResponsePayload}) |
 * | 4 + 32 | signer's Ed25519 public key (raw): the server's for requests, the producer's for responses |
 * | 4 + 64 | Ed25519 signature over every byte before this field's length prefix |
 *
 * Each `4 + n` field starts with its length as an unsigned 32-bit big-endian integer. Nothing may
 * follow the signature.
 */

/** The three kinds of file, by magic. */
export const MAGIC = {
  capabilityRequest: 'LDCR',
  activationRequest: 'LDAR',
  response: 'LDRS',
} as const;

export type EnvelopeKind = keyof typeof MAGIC;

/** The only format version this emulator writes and reads. */
export const FORMAT_VERSION = 1;

export const REQUEST_ID_LENGTH = 16;
export const PUBLIC_KEY_LENGTH = 32;
export const SIGNATURE_LENGTH = 64;

/** A held activation, as a capability request lists it. */
export interface HeldActivation {
  activationId: string;
  /** Units (copies) of the activation the server holds. */
  count: number;
}

/** What a capability request asks: the rights for the activations the server holds to be refreshed. */
export interface CapabilityRequestPayload {
  type: 'capability';
  activations: HeldActivation[];
  /** Set when the server confirms an applied activation response. */
  confirmation?: boolean;
}

/** What an activation request asks: `count` units of one activation id (0 returns them all). */
export interface ActivationRequestPayload {
  type: 'activation';
  activationId: string;
  count: number;
}

export type RequestPayload = CapabilityRequestPayload | ActivationRequestPayload;

/**
 * The terms of a feature record that an entitlement states and a response grants unchanged (counts
 * and ids are not among them: they are multiplied out or filled in when granted).
 */
export interface FeatureTerms {
  featureName: string;
  featureVersion: string;
  uncounted?: boolean;
  metered?: boolean;
  meteredReusable?: boolean;
  meteredUndoInterval?: number;
  concurrent?: boolean;
  /** `permanent` (the default) or a date `YYYY-MM-DD` or a date-time. */
  expiry?: string;
  starts?: string;
  issued?: string;
  vendor?: string;
  vendorString?: string;
  issuer?: string;
  notice?: string;
  /** Seconds. */
  borrowInterval?: number;
  /** Seconds. */
  renewInterval?: number;
  uncappedOverdraft?: boolean;
  selectors?: Record<string, string>;
}

/** One feature record a response grants. */
export interface GrantedFeature extends FeatureTerms {
  featureId: string;
  /** Total count for this record (per-unit count times the units); 0 for uncounted records. */
  count: number;
  /** Total overdraft (per-unit overdraft times the units). */
  overdraftCount?: number;
}

/** The full set of rights for one activation id; an empty `features` list removes them all. */
export interface GrantedActivation {
  activationId: string;
  count: number;
  features: GrantedFeature[];
}

/** What a capability response carries. */
export interface ResponsePayload {
  type: 'capability' | 'activation';
  /** Tells the server to send a capability request back to confirm it applied this response. */
  confirmationRequestNeeded: boolean;
  activations: GrantedActivation[];
}

/** A decoded envelope. `signedBytes` is exactly what the signature covers. */
export interface Envelope {
  kind: EnvelopeKind;
  version: number;
  instanceId: string;
  hostId: string;
  requestId: Uint8Array;
  sequence: bigint;
  timestamp: bigint;
  payloadText: string;
  publicKey: Uint8Array;
  signature: Uint8Array;
  signedBytes: Uint8Array;
}

export type EnvelopeFields = Omit<Envelope, 'signature' | 'signedBytes' | 'version'>;

/** Why a file could not be read as an envelope at all (truncated, garbage, wrong kind). */
export class EnvelopeFormatError extends Error {
  override readonly name = 'EnvelopeFormatError';
}

const MAGIC_TO_KIND = new Map<string, EnvelopeKind>(
  (Object.entries(MAGIC) as [EnvelopeKind, string][]).map(([kind, magic]) => [magic, kind]),
);

const KIND_LABEL: Record<EnvelopeKind, string> = {
  capabilityRequest: 'a capability request',
  activationRequest: 'an offline activation request',
  response: 'a capability response',
};

/** A short human label for a kind of file ("a capability request"). */
export function describeKind(kind: EnvelopeKind): string {
  return KIND_LABEL[kind];
}

// Generous upper bounds so a corrupt length prefix is reported as such instead of allocating.
const MAX_TEXT_FIELD = 4096;
const MAX_PAYLOAD = 64 * 1024 * 1024;

class Writer {
  private readonly chunks: Buffer[] = [];

  raw(bytes: Uint8Array): this {
    this.chunks.push(Buffer.from(bytes));
    return this;
  }

  u8(value: number): this {
    return this.raw(Uint8Array.of(value));
  }

  u64(value: bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(value);
    return this.raw(b);
  }

  field(bytes: Uint8Array): this {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    return this.raw(len).raw(bytes);
  }

  text(value: string): this {
    return this.field(Buffer.from(value, 'utf8'));
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

class Reader {
  private offset = 0;

  constructor(private readonly buf: Buffer) {}

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.buf.length - this.offset;
  }

  take(n: number, what: string): Buffer {
    if (this.remaining < n) {
      throw new EnvelopeFormatError(
        `The file is truncated: ${what} needs ${n} bytes at offset ${this.offset}, only ${this.remaining} remain.`,
      );
    }
    const out = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  u8(what: string): number {
    return this.take(1, what)[0]!;
  }

  u64(what: string): bigint {
    return this.take(8, what).readBigUInt64BE();
  }

  field(what: string, limits: { exact?: number; max?: number }): Buffer {
    const len = this.take(4, `the length of ${what}`).readUInt32BE();
    if (limits.exact !== undefined && len !== limits.exact) {
      throw new EnvelopeFormatError(`The file is damaged: ${what} must be ${limits.exact} bytes, the file says ${len}.`);
    }
    if (limits.max !== undefined && len > limits.max) {
      throw new EnvelopeFormatError(`The file is damaged: ${what} claims ${len} bytes (at most ${limits.max} allowed).`);
    }
    return this.take(len, what);
  }

  text(what: string, max: number): string {
    const bytes = this.field(what, { max });
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return text;
  }
}

/** Writes the signed part of an envelope (everything before the signature). */
export function encodeSignedPart(fields: EnvelopeFields): Buffer {
  if (fields.requestId.length !== REQUEST_ID_LENGTH) throw new RangeError('requestId must be 16 bytes');
  if (fields.publicKey.length !== PUBLIC_KEY_LENGTH) throw new RangeError('publicKey must be 32 raw bytes');
  return new Writer()
    .raw(Buffer.from(MAGIC[fields.kind], 'ascii'))
    .u8(FORMAT_VERSION)
    .text(fields.instanceId)
    .text(fields.hostId)
    .field(fields.requestId)
    .u64(fields.sequence)
    .u64(fields.timestamp)
    .text(fields.payloadText)
    .field(fields.publicKey)
    .bytes();
}

/** Appends the signature field to a signed part. */
export function appendSignature(signedPart: Uint8Array, signature: Uint8Array): Buffer {
  if (signature.length !== SIGNATURE_LENGTH) throw new RangeError('signature must be 64 bytes');
  return new Writer().raw(signedPart).field(signature).bytes();
}

/**
 * Reads an envelope without checking its signature. Throws {@link EnvelopeFormatError} for anything
 * that is not a complete, well-formed envelope of a known kind and version.
 */
export function decodeEnvelope(input: Uint8Array): Envelope {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.length === 0) throw new EnvelopeFormatError('The file is empty.');
  if (buf.length < 5) throw new EnvelopeFormatError(`The file is truncated: ${buf.length} bytes is too short for any LicenseDesk offline file.`);
  const magic = buf.subarray(0, 4).toString('latin1');
  const kind = MAGIC_TO_KIND.get(magic);
  if (!kind) {
    throw new EnvelopeFormatError(
      `This is not a LicenseDesk offline file: it starts with bytes ${buf.subarray(0, 4).toString('hex')}, expected LDCR, LDAR or LDRS.`,
    );
  }
  const reader = new Reader(buf);
  reader.take(4, 'the magic');
  const version = reader.u8('the format version');
  if (version !== FORMAT_VERSION) {
    throw new EnvelopeFormatError(`Unsupported format version ${version} of ${describeKind(kind)}; this emulator reads version ${FORMAT_VERSION}.`);
  }
  const instanceId = reader.text('the instance id', MAX_TEXT_FIELD);
  const hostId = reader.text('the host id', MAX_TEXT_FIELD);
  const requestId = reader.field('the request id', { exact: REQUEST_ID_LENGTH });
  const sequence = reader.u64('the sequence number');
  const timestamp = reader.u64('the timestamp');
  const payloadText = reader.text('the payload', MAX_PAYLOAD);
  const publicKey = reader.field('the signer key', { exact: PUBLIC_KEY_LENGTH });
  const signedEnd = reader.position;
  const signature = reader.field('the signature', { exact: SIGNATURE_LENGTH });
  if (reader.remaining !== 0) {
    throw new EnvelopeFormatError(`The file is damaged: ${reader.remaining} unexpected bytes follow the signature.`);
  }
  return {
    kind,
    version,
    instanceId,
    hostId,
    requestId: new Uint8Array(requestId),
    sequence,
    timestamp,
    payloadText,
    publicKey: new Uint8Array(publicKey),
    signature: new Uint8Array(signature),
    signedBytes: new Uint8Array(buf.subarray(0, signedEnd)),
  };
}

/** Hex form of a request id, as stored and shown. */
export function requestIdHex(id: Uint8Array): string {
  return Buffer.from(id).toString('hex');
}
