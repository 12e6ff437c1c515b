/**
 * What the site asks for before anything else: imported first by main.ts, so these requests leave
 * while the rest of the code (Lit, the elements) is still being evaluated.
 */
import { prefetchFirstView, requiresCredentials, sessionTokenStore } from './client.js';
import { getInfo, getSettings, type ManagerInfo, type ManagerSettings } from './manager-api.js';
import { matchRoute } from '../router.js';

export interface Startup {
  settings: Promise<ManagerSettings>;
  info: Promise<ManagerInfo | null>;
  /** For `/` only: whether the license server wants credentials for reads (then Login opens). */
  needsLogin: Promise<boolean> | null;
}

function begin(): Startup {
  const settings = getSettings();
  // Rejections are handled by the shell; keep the browser from reporting them as unhandled meanwhile.
  settings.catch(() => undefined);
  const info = getInfo().catch(() => null);
  const atRoot = location.pathname === '/' || location.pathname === '/index.html';
  const hasToken = Boolean(sessionTokenStore().get());
  const needsLogin = atRoot ? (hasToken ? Promise.resolve(false) : requiresCredentials()) : null;
  const first = atRoot ? null : matchRoute(location.pathname, location.search);
  const path = first?.route.prefetch?.(first);
  if (path) prefetchFirstView(path);
  // Fetch the first view's code now too; the router's import() of it later gets the same module.
  first?.route.load().catch(() => undefined);
  return { settings, info, needsLogin };
}

/** Started once, when the site's code is first evaluated. */
export const startup: Startup = begin();
