import { LitElement, html, nothing } from 'lit';
import '@licensedesk/web-components/define/provider';
import '@licensedesk/web-components/define/nav';
import '@licensedesk/web-components/define/status';
import type { LicenseServerClient } from '@licensedesk/sdk';
import type { LdAuthChangeEvent, LdAuthUser, LdLoginRequiredEvent, LdNavigateEvent } from '@licensedesk/web-components';
import { createManagerClient, setTokenServer, tokenServer } from '../data/client.js';
import { getSettings, type ManagerInfo, type ManagerSettings } from '../data/manager-api.js';
import { startup } from '../data/startup.js';
import { sameQuery, type AppHost, type PageElement } from '../pages/page-element.js';
import { matchRoute, NAV_HREFS, type RouteMatch } from '../router.js';

const APP_TITLE = 'LicenseDesk Manager';

/** The Login view, returning to the current view afterwards (the current location at the time of the call). */
function loginHref(): string {
  const here = location.pathname + location.search;
  return here === '/' || here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/** History entries the site pushed itself carry this, so "Back to list" can use the browser's back. */
interface HistoryState {
  ldm: number;
}

/**
 * @summary The manager site: header with the signed-in user, the grouped left navigation, and one
 * lazily loaded page per route, all inside an `<ld-provider>` that gives the SDK client to the
 * library elements.
 */
export class LdManagerApp extends LitElement implements AppHost {
  static override properties = {
    client: { state: true },
    settings: { state: true },
    info: { state: true },
    user: { state: true },
    page: { state: true },
    current: { state: true },
    problem: { state: true },
  };

  declare client: LicenseServerClient;
  declare settings: ManagerSettings | null;
  declare info: ManagerInfo | null;
  declare user: LdAuthUser | null;
  declare page: PageElement | null;
  declare current: string;
  declare problem: string;

  /** Resolves once the settings were read (or failed to be). */
  private ready: Promise<void> = Promise.resolve();
  /** Kept list pages by route path, shown again after a detail page (back button). */
  private readonly kept = new Map<string, PageElement>();
  private routeToken = 0;
  private historyIndex = 0;

  constructor() {
    super();
    this.client = createManagerClient();
    const session = this.client.session;
    this.user = session && !session.passwordChangeRequired ? { user: session.user, roles: [...session.roles] } : null;
    this.settings = null;
    this.info = null;
    this.page = null;
    this.current = '';
    this.problem = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.handlePopState);
    this.addEventListener('click', this.handleLinkClick);
    this.addEventListener('ld-login-required', this.handleLoginRequired as EventListener);
    this.addEventListener('ld-auth-change', this.handleAuthChange as EventListener);
    this.addEventListener('ld-navigate', this.handleNavigateEvent as EventListener);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handlePopState);
  }

  private async start(): Promise<void> {
    this.ready = Promise.all([
      startup.settings.then(
        (settings) => {
          this.settings = settings;
          this.bindTokenToServer();
        },
        (error: Error) => {
          this.problem = `The manager's settings could not be read: ${error.message}`;
        },
      ),
      startup.info.then((info) => {
        this.info = info;
      }),
    ]).then(() => undefined);

    const state = history.state as HistoryState | null;
    this.historyIndex = typeof state?.ldm === 'number' ? state.ldm : 0;
    if (startup.needsLogin) {
      // Opens on About, or on Login when the license server wants credentials for reads.
      const needsLogin = !this.client.session && (await startup.needsLogin);
      history.replaceState({ ldm: this.historyIndex } satisfies HistoryState, '', needsLogin ? '/login' : '/about');
    } else {
      history.replaceState({ ldm: this.historyIndex } satisfies HistoryState, '', location.href);
    }
    await this.showRoute({ initial: true });
  }

  /** Goes to a path of the site. */
  navigate(path: string, options: { replace?: boolean } = {}): void {
    if (options.replace) {
      history.replaceState({ ldm: this.historyIndex } satisfies HistoryState, '', path);
    } else {
      this.historyIndex += 1;
      history.pushState({ ldm: this.historyIndex } satisfies HistoryState, '', path);
    }
    void this.showRoute({});
  }

  /** A new history entry for the view shown, with its new query; the page already shows it. */
  recordQuery(query: URLSearchParams): void {
    const search = query.toString();
    this.historyIndex += 1;
    history.pushState({ ldm: this.historyIndex } satisfies HistoryState, '', location.pathname + (search ? `?${search}` : ''));
  }

  /** Back to the list: the browser's back when the user came from inside the site, else the list itself. */
  back(fallback: string): void {
    if (this.historyIndex > 0) history.back();
    else this.navigate(fallback);
  }

  /** Uses freshly saved settings; a different license server means a new client and a new login. */
  applySettings(settings: ManagerSettings): void {
    this.settings = settings;
    this.client = createManagerClient();
    this.bindTokenToServer();
    this.kept.clear();
  }

  /** A token belongs to the license server that issued it: drop it when Settings name another one. */
  private bindTokenToServer(): void {
    const server = this.settings?.licenseServerUrl;
    if (!server) return;
    if (tokenServer() !== server) {
      if (this.client.session) void this.client.logout();
      setTokenServer(server);
    }
  }

  private async showRoute({ initial = false, fromHistory = false }: { initial?: boolean; fromHistory?: boolean }): Promise<void> {
    const token = ++this.routeToken;
    const match = matchRoute(location.pathname, location.search);
    if (!match) {
      await this.ready;
      if (token !== this.routeToken) return;
      this.page = null;
      this.current = '';
      document.title = `Page not found · ${APP_TITLE}`;
      return;
    }
    let module;
    try {
      [module] = await Promise.all([match.route.load(), this.ready]);
    } catch (error) {
      if (token !== this.routeToken) return;
      this.problem = `This view could not be loaded (${(error as Error).message}). Reload the page to try again.`;
      return;
    }
    if (token !== this.routeToken) return;
    this.problem = this.settings ? '' : this.problem;
    this.current = match.route.nav;
    document.title = `${match.route.title} · ${APP_TITLE}`;
    this.page = this.pageFor(match, module.tag, { initial, fromHistory });
  }

  private pageFor(match: RouteMatch, tag: string, { initial, fromHistory }: { initial: boolean; fromHistory: boolean }): PageElement {
    const keptPage = match.route.keep ? this.kept.get(match.route.path) : undefined;
    if (keptPage && fromHistory) {
      keptPage.focusOnLoad = false;
      if (sameQuery(keptPage.query, match.query)) {
        keptPage.refresh();
      } else {
        // Back or forward within the view (another tab, search or page): show that state.
        keptPage.query = match.query;
      }
      return keptPage;
    }
    const page = document.createElement(tag) as PageElement;
    page.app = this;
    page.params = match.params;
    page.query = match.query;
    page.focusOnLoad = !initial;
    page.classList.add('ldm-page');
    if (match.route.keep) this.kept.set(match.route.path, page);
    return page;
  }

  protected override render() {
    const settings = this.settings;
    return html`<a class="ldm-skip" href="#ldm-main">Skip to content</a>
      <ld-provider
        .client=${this.client}
        page-size=${settings?.pageSize ?? 20}
        ?allow-device-drop=${settings?.allowDeviceDrop ?? false}
      >
        <header class="ldm-header">
          <a class="ldm-brand" href="/about">${APP_TITLE}</a>
          ${settings
            ? html`<span class="ldm-server" title="License server (from Settings)">${settings.licenseServerUrl}</span>`
            : nothing}
          <div class="ldm-account">
            ${this.user
              ? html`<span class="ldm-user">Logged in as <strong>${this.user.user}</strong></span>
                  <button class="ldm-button" type="button" @click=${this.handleLogout}>Log out</button>`
              : html`<a class="ldm-login-link" href=${loginHref()}>Log in</a>`}
          </div>
        </header>
        <div class="ldm-body">
          <ld-nav class="ldm-nav" .hrefs=${NAV_HREFS} current=${this.current}></ld-nav>
          <main id="ldm-main" class="ldm-main" tabindex="-1">
            ${this.problem ? html`<ld-status variant="error" notice=${this.problem}></ld-status>` : nothing}
            ${this.page ?? this.renderEmpty()}
          </main>
        </div>
      </ld-provider>`;
  }

  private renderEmpty() {
    if (this.current === '' && this.routeToken > 0 && !matchRoute(location.pathname)) {
      return html`<h2>Page not found</h2>
        <p>There is no view at ${location.pathname}. <a href="/about">Go to About</a>.</p>`;
    }
    return html`<ld-status loading loading-text="Loading…"></ld-status>`;
  }

  private handlePopState = (event: PopStateEvent): void => {
    const state = event.state as HistoryState | null;
    this.historyIndex = typeof state?.ldm === 'number' ? state.ldm : 0;
    void this.showRoute({ fromHistory: true });
  };

  /** Links inside the site's own markup route without reloading the page. */
  private handleLinkClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || url.hash || !matchRoute(url.pathname)) return;
    event.preventDefault();
    // The header's link was written at the last render: pages change their query since.
    this.navigate(anchor.classList.contains('ldm-login-link') ? loginHref() : url.pathname + url.search);
  };

  /** `ld-navigate` from the navigation and from elements' own links. */
  private handleNavigateEvent = (event: LdNavigateEvent): void => {
    const href = event.detail.href;
    if (!href || !href.startsWith('/') || href.startsWith('//')) return;
    const url = new URL(href, location.origin);
    if (!matchRoute(url.pathname)) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search);
  };

  private handleLoginRequired = (event: LdLoginRequiredEvent): void => {
    if (event.detail.reason === 'unauthorized') {
      // The stored token is no longer accepted: forget it, the view shows its login prompt.
      if (this.client.session) void this.client.logout();
      return;
    }
    this.navigate(loginHref());
  };

  private handleAuthChange = (event: LdAuthChangeEvent): void => {
    const previous = this.user?.user ?? null;
    this.user = event.detail.user;
    if (event.detail.reason === 'login') {
      // The token comes from the server the manager relays to now (Settings may have changed
      // elsewhere since this page read them): read them again and bind the token to that server.
      void getSettings().then(
        (settings) => {
          this.settings = settings;
          setTokenServer(settings.licenseServerUrl);
        },
        () => undefined,
      );
    }
    // Kept lists may show "Login required" or another user's view: build them afresh.
    if ((event.detail.user?.user ?? null) !== previous) this.kept.clear();
  };

  private handleLogout = async (): Promise<void> => {
    await this.client.logout();
    this.user = null;
    this.kept.clear();
    this.navigate('/login');
  };
}

if (!customElements.get('ld-manager-app')) customElements.define('ld-manager-app', LdManagerApp);

declare global {
  interface HTMLElementTagNameMap {
    'ld-manager-app': LdManagerApp;
  }
}
