import { createPublicKey, type KeyObject } from 'node:crypto';

/** The result of checking an uploaded client public key. */
export type ClientKeyCheck = { ok: true; der: Buffer } | { ok: false; message: string; found: string };

const REQUIRED = 'a DER-encoded RSA 2048-bit public key (SubjectPublicKeyInfo)';

function tryKey(bytes: Buffer, type: 'spki' | 'pkcs1'): KeyObject | null {
  try {
    return createPublicKey({ key: bytes, format: 'der', type });
  } catch {
    return null;
  }
}

function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 256);
  return sample.length > 0 && [...sample].every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
}

/**
 * Checks that `bytes` are exactly one DER SubjectPublicKeyInfo holding an RSA key with a 2048-bit
 * modulus, and says what was found otherwise.
 */
export function checkClientKey(bytes: Buffer): ClientKeyCheck {
  if (bytes.length === 0) {
    return { ok: false, found: 'empty body', message: `The body is empty; send ${REQUIRED} as application/octet-stream.` };
  }
  const text = bytes.subarray(0, 64).toString('latin1');
  if (text.startsWith('-----BEGIN')) {
    const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1] ?? 'PEM';
    return {
      ok: false,
      found: `PEM text (${label})`,
      message: `Found PEM text (-----BEGIN ${label}-----), not DER; send ${REQUIRED}. Convert with: openssl pkey -pubin -in key.pem -outform DER -out key.der`,
    };
  }
  if (/^(ssh-rsa|ssh-ed25519|ecdsa-sha2-)/.test(text)) {
    return { ok: false, found: 'OpenSSH public key', message: `Found an OpenSSH public key line, not DER; send ${REQUIRED}.` };
  }
  const key = tryKey(bytes, 'spki');
  if (!key) {
    if (tryKey(bytes, 'pkcs1')) {
      return {
        ok: false,
        found: 'PKCS#1 RSAPublicKey',
        message: `Found a bare PKCS#1 RSAPublicKey, not a SubjectPublicKeyInfo; send ${REQUIRED}. Convert with: openssl rsa -RSAPublicKey_in -in key.der -inform DER -pubout -outform DER`,
      };
    }
    const what = looksLikeText(bytes) ? 'text that is not a key' : `${bytes.length} bytes that are not a DER public key (starting ${bytes.subarray(0, 8).toString('hex')})`;
    return { ok: false, found: what, message: `Found ${what}; send ${REQUIRED}.` };
  }
  const der = key.export({ format: 'der', type: 'spki' });
  if (der.length !== bytes.length) {
    return {
      ok: false,
      found: 'trailing bytes',
      message: `Found a public key followed by ${bytes.length - der.length} extra bytes; send exactly ${REQUIRED}.`,
    };
  }
  const type = key.asymmetricKeyType ?? 'unknown';
  if (type !== 'rsa') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const label = type === 'ec' ? `an EC public key${curve ? ` (curve ${curve})` : ''}` : `a ${type} public key`;
    return { ok: false, found: label, message: `Found ${label}; only RSA 2048-bit keys are accepted.` };
  }
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits !== 2048) {
    return { ok: false, found: `RSA ${bits ?? '?'}-bit`, message: `Found an RSA ${bits ?? 'unknown size'}-bit public key; the key must be RSA 2048-bit.` };
  }
  return { ok: true, der };
}
