import type { EmulatorContext } from '../context.js';
import { OfflineService } from './service.js';

export { offlineMigration } from './schema.js';
export { runBackofficeCli, BACKOFFICE_HELP } from './cli.js';
export { checkClientKey } from './client-key.js';
export { OfflineService, checkActivationRequestBody, type ApplyResult, type LicenseChange } from './service.js';

const services = new WeakMap<EmulatorContext['db'], OfflineService>();

/** The offline exchange service of a server (one per database, created on first use). */
export function offlineService(ctx: Pick<EmulatorContext, 'db' | 'instanceId' | 'settings'>): OfflineService {
  let service = services.get(ctx.db);
  if (!service) {
    service = new OfflineService(ctx.db, () => ({
      instanceId: ctx.instanceId,
      hostId: ctx.settings.getString('server.hostid.selected'),
    }));
    services.set(ctx.db, service);
  }
  return service;
}
