import { pageOf, sendList, slicePage } from '../http/paging.js';
import { listPools, modelService } from '../pools/index.js';
import type { RouteHandlers } from './types.js';

export const handlers: RouteHandlers = {
  listLicensePools(ctx, request, reply) {
    const pools = listPools(modelService(ctx), ctx.licensing, ctx.clock.now());
    return sendList(reply, pools.length, slicePage(pools, pageOf(request)));
  },
};
