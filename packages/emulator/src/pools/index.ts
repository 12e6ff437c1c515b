import type { EmulatorContext } from '../context.js';
import { DEFAULT_MODEL_LOCK_SECONDS, MODEL_LOCK_SETTING, ModelService } from './model-service.js';
import { ModelPoolProvider } from './provider.js';

export { isModelActive, ModelService, MODEL_SIZE_LIMIT, MODEL_LOCK_SETTING } from './model-service.js';
export { ModelPoolProvider } from './provider.js';
export { listPools, type LicensePool, type PoolFeature } from './listing.js';
export { modelMigration } from './schema.js';

const services = new WeakMap<EmulatorContext['db'], ModelService>();

/** The model service of a server (one per database, created on first use). */
export function modelService(ctx: Pick<EmulatorContext, 'db' | 'clock' | 'settings'>): ModelService {
  let service = services.get(ctx.db);
  if (!service) {
    service = new ModelService({
      db: ctx.db,
      now: () => ctx.clock.now(),
      lockSeconds: () => {
        try {
          return ctx.settings.getSeconds(MODEL_LOCK_SETTING);
        } catch {
          return DEFAULT_MODEL_LOCK_SECONDS;
        }
      },
    });
    services.set(ctx.db, service);
  }
  return service;
}

/** The pool provider the licensing engine draws named pools from. */
export function createPoolProvider(ctx: Pick<EmulatorContext, 'db' | 'clock' | 'settings'>): ModelPoolProvider {
  return new ModelPoolProvider(modelService(ctx));
}
