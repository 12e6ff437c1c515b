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
}

/** Registers a page element once. */
export function definePage(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
