import { ApiError } from '../errors.js';
import { offlineService } from '../backoffice/index.js';
import type { RouteHandlers } from './types.js';

/** The uploaded file's bytes: the raw body, or the multipart field `file`. */
async function uploadedBytes(body: unknown): Promise<Buffer | null> {
  if (Buffer.isBuffer(body)) return body;
  if (body && typeof body === 'object' && 'file' in body) {
    const file = (body as { file: unknown }).file;
    const part = Array.isArray(file) ? file[0] : file;
    if (part && typeof part === 'object') {
      const p = part as { toBuffer?: () => Promise<Buffer>; _buf?: Buffer; value?: unknown };
      if (typeof p.toBuffer === 'function') return p.toBuffer();
      if (Buffer.isBuffer(p._buf)) return p._buf;
      if (typeof p.value === 'string') return Buffer.from(p.value, 'utf8');
    }
  }
  return null;
}

export const handlers: RouteHandlers = {
  getCapabilityRequest(ctx, _request, reply) {
    const bytes = offlineService(ctx).capabilityRequest();
    return reply
      .type('application/octet-stream')
      .header('content-disposition', 'attachment; filename="capabilityRequest.bin"')
      .send(bytes);
  },

  createActivationRequest(ctx, request, reply) {
    const { activationId, count } = request.body as { activationId: string; count: number };
    const bytes = offlineService(ctx).activationRequest(activationId, count);
    return reply
      .type('application/octet-stream')
      .header('content-disposition', 'attachment; filename="activationRequest.bin"')
      .send(bytes);
  },

  async uploadCapabilityResponse(ctx, request) {
    const bytes = await uploadedBytes(request.body);
    if (!bytes) {
      throw new ApiError(400, 'glsErr.invalidResponse', 'No file received: send the response as application/octet-stream, or as multipart/form-data in the field "file".');
    }
    try {
      return offlineService(ctx).applyResponse(bytes);
    } finally {
      // Feature records may have changed; the engine rebuilds its summary on next use.
      ctx.licensing.invalidate();
    }
  },
};
