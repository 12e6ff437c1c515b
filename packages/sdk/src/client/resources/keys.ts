import { NotFoundError } from '../../errors/errors.js';
import { unwrap, type CallOptions } from '../../internal/call.js';
import { passThrough, toBinaryBody, type BinaryInput } from '../../internal/binary.js';
import type { ClientKey } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/** The RSA public key that verifies signed (REST-driven) licensing requests. */
export class KeysResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Reads the uploaded key (`publicKey`, base64 DER); null when none is set (404). */
  async get(options?: CallOptions): Promise<ClientKey | null> {
    try {
      return unwrap(await this.#ctx.raw.GET('/rest_licensing_keys', requestInit(options)));
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** Uploads a DER-encoded RSA-2048 public key (SubjectPublicKeyInfo), sent unchanged. */
  async upload(der: BinaryInput, options?: CallOptions): Promise<ClientKey> {
    return unwrap(
      await this.#ctx.raw.POST('/rest_licensing_keys', {
        body: toBinaryBody(der) as never,
        bodySerializer: passThrough,
        ...requestInit(options),
        headers: { ...options?.headers, 'Content-Type': 'application/octet-stream' },
      }),
    );
  }

  /** Removes the key (the server answers 410 Gone on success). */
  async delete(options?: CallOptions): Promise<void> {
    unwrap(await this.#ctx.raw.DELETE('/rest_licensing_keys', requestInit(options)), [410]);
  }
}
