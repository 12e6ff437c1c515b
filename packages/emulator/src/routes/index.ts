import { handlers as clients } from './clients.js';
import { handlers as features } from './features.js';
import { handlers as health } from './health.js';
import { handlers as hostids } from './hostids.js';
import { handlers as keys } from './keys.js';
import { handlers as licensing } from './licensing.js';
import { handlers as model } from './model.js';
import { handlers as offline } from './offline.js';
import { handlers as pools } from './pools.js';
import { handlers as reservations } from './reservations.js';
import { handlers as settings } from './settings.js';
import { handlers as users } from './users.js';
import type { RouteHandlers } from './types.js';

const AREAS: Record<string, RouteHandlers> = {
  health,
  users,
  features,
  clients,
  hostids,
  settings,
  reservations,
  licensing,
  model,
  pools,
  offline,
  keys,
};

/** Every route handler by operationId. An operationId defined twice is a programming error. */
export function allHandlers(): RouteHandlers {
  const merged: RouteHandlers = {};
  for (const [area, handlers] of Object.entries(AREAS)) {
    for (const [operationId, handler] of Object.entries(handlers)) {
      if (merged[operationId]) throw new Error(`Operation ${operationId} is handled twice (again in routes/${area}.ts)`);
      merged[operationId] = handler;
    }
  }
  return merged;
}
