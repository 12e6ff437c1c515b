import { unwrap, type CallOptions } from '../../internal/call.js';
import { isBlob, isFormData, passThrough, toBinaryBody, type BinaryInput } from '../../internal/binary.js';
import type { ActivationRequest, CapabilityResponseResult } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/**
 * A capability response to upload: its bytes, a ready `FormData` (field `file`), or an object
 * with the file, as a form would give it.
 */
export type CapabilityResponseInput = BinaryInput | FormData | { file: Blob };

const OCTET_STREAM = 'application/octet-stream';

/** Offline exchange with the back office: binary requests out, binary responses in. */
export class OfflineResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Downloads the signed capability request, byte for byte. */
  async capabilityRequest(options?: CallOptions): Promise<Uint8Array> {
    const buffer = unwrap(
      await this.#ctx.raw.GET('/capability_request', {
        parseAs: 'arrayBuffer',
        ...requestInit(options),
        headers: { Accept: OCTET_STREAM, ...options?.headers },
      }),
    );
    return new Uint8Array(buffer ?? new ArrayBuffer(0));
  }

  /** Generates an offline activation request for an activation id and count (0 = return all). */
  async activationRequest(request: ActivationRequest, options?: CallOptions): Promise<Uint8Array> {
    const buffer = unwrap(
      await this.#ctx.raw.POST('/activation_request', {
        body: request,
        parseAs: 'arrayBuffer',
        ...requestInit(options),
        headers: { Accept: OCTET_STREAM, ...options?.headers },
      }),
    );
    return new Uint8Array(buffer ?? new ArrayBuffer(0));
  }

  /**
   * Uploads a capability response from the back office. Bytes are sent unchanged as
   * `application/octet-stream`; a `FormData` is sent untouched so the runtime sets the
   * multipart boundary.
   */
  async uploadResponse(input: CapabilityResponseInput, options?: CallOptions): Promise<CapabilityResponseResult> {
    let body: BodyInit;
    const headers: Record<string, string> = { ...options?.headers };
    if (isFormData(input)) {
      body = input;
    } else if (!isBlob(input) && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer) && 'file' in input) {
      const form = new FormData();
      const name = (input.file as { name?: unknown }).name;
      form.append('file', input.file, typeof name === 'string' && name !== '' ? name : 'capability-response.bin');
      body = form;
    } else {
      body = toBinaryBody(input) as BodyInit;
      headers['Content-Type'] = OCTET_STREAM;
    }
    return unwrap(
      await this.#ctx.raw.POST('/capability_response', {
        body: body as never,
        bodySerializer: passThrough,
        ...requestInit(options),
        headers,
      }),
    );
  }
}
