import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/** An Ed25519 key pair kept as DER (SPKI public, PKCS#8 private). */
export interface SigningKeyPair {
  publicDer: Buffer;
  privateDer: Buffer;
}

/** Makes a new Ed25519 key pair. */
export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicDer: publicKey.export({ format: 'der', type: 'spki' }),
    privateDer: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject | Buffer): Buffer {
  const object = Buffer.isBuffer(key) ? createPublicKey({ key, format: 'der', type: 'spki' }) : key;
  const jwk = object.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

/** A public key object from 32 raw Ed25519 bytes. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** A private key object from PKCS#8 DER. */
export function privateKeyFromDer(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/**
 * Reads an Ed25519 private key from a file's contents: PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`)
 * or PKCS#8 DER.
 */
export function privateKeyFromFile(contents: Buffer): KeyObject {
  const text = contents.toString('utf8');
  const key = text.includes('-----BEGIN')
    ? createPrivateKey({ key: text, format: 'pem' })
    : createPrivateKey({ key: contents, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`The producer key must be an Ed25519 private key; this one is ${key.asymmetricKeyType ?? 'unknown'}.`);
  }
  return key;
}

/** PEM text of a private key, for writing a producer key file. */
export function privateKeyPem(der: Buffer): string {
  return privateKeyFromDer(der).export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function signBytes(privateKey: KeyObject, data: Uint8Array): Buffer {
  return sign(null, data, privateKey);
}

export function verifyBytes(rawPublic: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, publicKeyFromRaw(rawPublic), signature);
  } catch {
    return false;
  }
}

/** A short fingerprint of a raw public key for messages: the first 8 bytes of its SHA-256, hex. */
export function keyFingerprint(rawPublic: Uint8Array): string {
  return createHash('sha256').update(rawPublic).digest('hex').slice(0, 16);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
