/**
 * The site's routes: one URL per view and per detail page (History API). Page modules are loaded
 * on demand, so the first view only downloads the shell and its own page.
 */

/** What a page module exports: the tag of the page element it registers. */
export interface PageModule {
  tag: string;
}

export interface RouteDefinition {
  /** Path pattern; `:id` matches a positive whole number. */
  path: string;
  /** The navigation item that is current on this route. */
  nav: string;
  /** Document title part. */
  title: string;
  load: () => Promise<PageModule>;
  /** List views keep their page element (and its tab, search and page) while the user visits a detail page. */
  keep?: boolean;
  /**
   * When this is the first view: the request its element makes first (instance-relative path and
   * query, as the SDK writes it), started while the page's code loads (see `prefetchFirstView`).
   * Undefined when the location asks for other data.
   */
  prefetch?: (match: RouteMatch) => string | undefined;
}

export const ROUTES: readonly RouteDefinition[] = [
  {
    path: '/about',
    nav: 'about',
    title: 'About',
    load: () => import('./pages/about/about-page.js'),
    prefetch: () => '/health',
  },
  { path: '/settings', nav: 'settings', title: 'Settings', load: () => import('./pages/settings/settings-page.js') },
  { path: '/login', nav: 'login', title: 'Login', load: () => import('./pages/login/login-page.js') },
  { path: '/properties', nav: 'properties', title: 'Properties', load: () => import('./pages/properties/properties-page.js') },
  {
    path: '/features',
    nav: 'features',
    title: 'Features',
    keep: true,
    load: () => import('./pages/features/features-page.js'),
    // The Summary tab reads every record (1000 per request) and pages in the browser.
    prefetch: (match) => (match.query.toString() === '' ? '/features?pageNumber=1&pageSize=1000' : undefined),
  },
  { path: '/features/:id', nav: 'features', title: 'Feature Details', load: () => import('./pages/features/feature-details-page.js') },
  { path: '/pools', nav: 'pools', title: 'Named License Pools', load: () => import('./pages/pools/pools-page.js') },
  { path: '/devices', nav: 'devices', title: 'Devices', keep: true, load: () => import('./pages/devices/devices-page.js') },
  { path: '/devices/:id', nav: 'devices', title: 'Device Details', load: () => import('./pages/devices/device-details-page.js') },
  { path: '/reservations', nav: 'reservations', title: 'Reservations', load: () => import('./pages/reservations/reservations-page.js') },
  { path: '/offline', nav: 'offline', title: 'Offline Server Updates', load: () => import('./pages/offline/offline-page.js') },
  { path: '/client-key', nav: 'client-keys', title: 'Client Key Operations', load: () => import('./pages/client-key/client-key-page.js') },
];

/** The href of each navigation item (ids as `<ld-nav>` names them). */
export const NAV_HREFS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(ROUTES.filter((route) => !route.path.includes(':')).map((route) => [route.nav, route.path])),
);

/** A route matched against a location. */
export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Path and query, as the key of a kept page. */
  key: string;
}

/** Finds the route for a path (trailing slash ignored), or null. */
export function matchRoute(pathname: string, search = ''): RouteMatch | null {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((segment, index) => {
      const part = parts[index]!;
      if (segment.startsWith(':')) {
        if (!/^[1-9]\d{0,15}$/.test(part)) return false;
        params[segment.slice(1)] = part;
        return true;
      }
      return segment === part;
    });
    if (ok) return { route, params, query: new URLSearchParams(search), key: `/${parts.join('/')}${search}` };
  }
  return null;
}
