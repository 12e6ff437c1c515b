import { normaliseHostId, parseHostIdSpec, sameHostId } from '@licensedesk/sdk';
import type { RouteHandlers } from './types.js';

export const handlers: RouteHandlers = {
  getHostIds(ctx) {
    const hostids = ctx.hostids.list();
    const spec = ctx.settings.getString('server.hostid.selected');
    const selected = spec ? normaliseHostId(parseHostIdSpec(spec)) : null;
    // The selection never moves by itself: when its source is gone we say so (C17).
    const selectedAvailable = selected !== null && hostids.some((h) => sameHostId(h, selected));
    return { hostids, selected, selectedAvailable };
  },
};
