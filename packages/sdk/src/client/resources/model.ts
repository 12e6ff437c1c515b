import { NotFoundError } from '../../errors/errors.js';
import { unwrap, type CallOptions } from '../../internal/call.js';
import { passThrough } from '../../internal/binary.js';
import type { ModelEvaluateRequest, ModelEvaluateResult, ModelStatus } from '../../types.js';
import { requestInit, type ResourceContext } from '../context.js';

/** The model definition (named pools and rules of access), as plain text. */
export class ModelResource {
  readonly #ctx: ResourceContext;
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Reads the active model definition exactly as uploaded; null when none is active (404). */
  async get(options?: CallOptions): Promise<string | null> {
    const result = await this.#ctx.raw.GET('/model', { parseAs: 'text', ...requestInit(options) });
    try {
      return unwrap(result) ?? '';
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** Reads whether a model is active, its name, size, upload time and lock. */
  async status(options?: CallOptions): Promise<ModelStatus> {
    return unwrap(await this.#ctx.raw.GET('/model/status', requestInit(options)));
  }

  /** Uploads a model definition as `text/plain` (at most 900 KB); the old one stays on failure. */
  async upload(text: string, options?: CallOptions): Promise<ModelStatus> {
    return unwrap(
      await this.#ctx.raw.PUT('/model', {
        body: text,
        bodySerializer: passThrough,
        ...requestInit(options),
        headers: { ...options?.headers, 'Content-Type': 'text/plain; charset=utf-8' },
      }),
    );
  }

  /** Removes the model definition. */
  async delete(options?: CallOptions): Promise<void> {
    unwrap(await this.#ctx.raw.DELETE('/model', requestInit(options)));
  }

  /** Asks which rule and pools the active model would apply to a device. */
  async evaluate(request: ModelEvaluateRequest, options?: CallOptions): Promise<ModelEvaluateResult> {
    return unwrap(await this.#ctx.raw.POST('/model/evaluate', { body: request, ...requestInit(options) }));
  }
}
