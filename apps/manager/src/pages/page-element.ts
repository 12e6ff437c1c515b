import { LitElement } from 'lit';
import type { LicenseServerClient } from '@licensedesk/sdk';
import type { ManagerInfo, ManagerSettings } from '../data/manager-api.js';

/** What the app shell offers its pages. */
export interface AppHost {
  /** The SDK client (also given to the library elements by `<ld-provider>`). */
  readonly client: LicenseServerClient;
  /** The manager's settings, once read. */
  readonly settings: ManagerSettings | null;
  /** The manager's build information, once read. */
  readonly info: ManagerInfo | null;
  /** Goes to a path of the site (History API). */
  navigate(path: string, options?: { replace?: boolean }): void;
  /** Adds a history entry for a new query of the view shown (tab, search, page), without leaving it. */
  recordQuery(query: URLSearchParams): void;
  /** Returns to the list a detail page came from (browser history when possible). */
  back(fallback: string): void;
  /** Uses freshly saved settings: re-creates the client when the license server changed. */
  applySettings(settings: ManagerSettings): void;
}

/**
 * Base of the site's pages. Pages render into their own children (no shadow root) so the library
 * elements they hold stay reachable from the document (password managers find the login fields),
 * and are styled by the site's stylesheet, parts and tokens.
 */
export class PageElement extends LitElement {
  static override properties = {
    app: { attribute: false },
    params: { attribute: false },
    query: { attribute: false },
    focusOnLoad: { type: Boolean, attribute: 'focus-on-load' },
  };

  declare app: AppHost;
  declare params: Record<string, string>;
  declare query: URLSearchParams;
  declare focusOnLoad: boolean;

  constructor() {
    super();
    this.params = {};
    this.query = new URLSearchParams();
    this.focusOnLoad = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Called when a kept page is shown again (after a detail page): reload what may have changed. */
  refresh(): void {}

  /**
   * The query that describes what the page's element shows now (tab, search, filter, page), or
   * null for pages that keep nothing in the address. Pages that do also call `trackQuery`.
   */
  protected currentQuery(): URLSearchParams | null {
    return null;
  }

  /** The element whose state `currentQuery` reads (waited for before reading it). */
  protected stateElement(): LitElement | null {
    return null;
  }

  /**
   * Puts the element's state in the address as a new history entry after each thing the user does
   * in it (clicks, keys, page changes), so reload, shared links and Back show the same state.
   */
  protected trackQuery(): void {
    // The view's own path (pages are made for the current location). Checked when the event
    // arrives as well as later: an element's own handler may have gone to another view already.
    const path = location.pathname;
    const sync = (): void => {
      if (location.pathname !== path) return;
      setTimeout(() => {
        void (this.stateElement()?.updateComplete ?? Promise.resolve()).then(() => {
          // Gone to another view meanwhile (a row opened its detail page): nothing to record.
          if (!this.isConnected || location.pathname !== path) return;
          const query = this.currentQuery();
          if (!query || sameQuery(query, new URLSearchParams(location.search))) return;
          this.query = query;
          this.app.recordQuery(query);
        });
      }, 0);
    };
    for (const type of ['click', 'keydown', 'ld-page-change']) this.addEventListener(type, sync);
  }
}

/** Whether two queries hold the same parameters, whatever their order. */
export function sameQuery(a: URLSearchParams, b: URLSearchParams): boolean {
  const text = (query: URLSearchParams) => [...query].map(([name, value]) => `${name}=${value}`).sort().join('&');
  return text(a) === text(b);
}

/** Registers a page element once. */
export function definePage(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
