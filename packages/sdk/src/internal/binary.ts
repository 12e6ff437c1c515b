/** Binary bodies, sent and received as bytes, never as text. Not public. */

/** Bytes as the SDK accepts them. */
export type BinaryInput = Uint8Array | ArrayBuffer | Blob;

/** Turns accepted byte containers into a request body without copying or re-encoding. */
export function toBinaryBody(input: BinaryInput): Blob | Uint8Array | ArrayBuffer {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return input;
  if (typeof Blob !== 'undefined' && input instanceof Blob) return input;
  throw new TypeError('Expected bytes: a Uint8Array, an ArrayBuffer or a Blob.');
}

export function isFormData(value: unknown): value is FormData {
  return typeof FormData !== 'undefined' && value instanceof FormData;
}

export function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

/** Passes a body through untouched (openapi-fetch's `bodySerializer` would JSON-encode it). */
export const passThrough = <T>(body: T): T => body;
