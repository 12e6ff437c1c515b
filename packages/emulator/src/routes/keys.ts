import { ApiError, notFound } from '../errors.js';
import { checkClientKey } from '../backoffice/client-key.js';
import type { RouteHandlers } from './types.js';

function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.alloc(0);
}

export const handlers: RouteHandlers = {
  getClientKey(ctx) {
    const row = ctx.db.prepare('SELECT der FROM client_keys WHERE id = 1').get() as { der: Buffer } | undefined;
    if (!row) throw notFound('glsErr.noClientKey', 'No client public key is set; upload one with POST rest_licensing_keys.');
    return { publicKey: row.der.toString('base64') };
  },

  uploadClientKey(ctx, request) {
    const check = checkClientKey(bodyBytes(request.body));
    if (!check.ok) {
      throw new ApiError(400, 'glsErr.invalidPublicKey', check.message, { args: [check.found] });
    }
    ctx.tx(() => {
      ctx.db
        .prepare('INSERT INTO client_keys (id, der, uploaded_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET der = excluded.der, uploaded_at = excluded.uploaded_at')
        .run(check.der, ctx.clock.now());
    });
    return { publicKey: check.der.toString('base64') };
  },

  deleteClientKey(ctx, _request, reply) {
    ctx.tx(() => ctx.db.prepare('DELETE FROM client_keys WHERE id = 1').run());
    // 410 Gone is the real server's answer to a successful delete.
    return reply.code(410).send();
  },
};
