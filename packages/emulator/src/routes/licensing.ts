import type { ClientLicenseRequest } from '../licensing/engine.js';
import type { RouteHandlers } from './types.js';

export const handlers: RouteHandlers = {
  requestLicenses(ctx, request) {
    const body = request.body as ClientLicenseRequest;
    const response = ctx.licensing.request(body);
    if (ctx.settings.getBoolean('server.requestLog.enabled')) {
      ctx.log.info({ hostId: body.hostId, features: body.features, denied: response.denied.length }, 'licensing request');
    }
    return response;
  },
};
