import { pageOf, sendList, slicePage } from '../http/paging.js';
import type { RouteHandlers } from './types.js';

function sortedSettings(list: ReturnType<import('../settings/service.js').SettingsService['list']>) {
  return [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export const handlers: RouteHandlers = {
  listSettings(ctx, request, reply) {
    const list = sortedSettings(ctx.settings.list());
    return sendList(reply, list.length, slicePage(list, pageOf(request)));
  },

  updateSettings(ctx, request) {
    const changes = request.body as Record<string, unknown>;
    const asProducer = request.principal?.roles.includes('ROLE_PRODUCER') ?? false;
    const changed = ctx.tx(() => ctx.settings.update(changes, asProducer));
    ctx.settings.notify(changed);
    ctx.log.info({ settings: changed, by: request.principal?.user }, 'settings changed');
    return sortedSettings(ctx.settings.list());
  },
};
