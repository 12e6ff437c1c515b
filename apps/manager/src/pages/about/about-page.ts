import { html } from 'lit';
import '@licensedesk/web-components/define/about-panel';
import type { BuildInfo } from '@licensedesk/web-components';
import { definePage, PageElement } from '../page-element.js';

declare const __LD_SITE_VERSION__: string;
declare const __LD_SITE_BUILD_DATE__: string;

/** About: the manager's build, the license server's version and status, the browser. */
class AboutPage extends PageElement {
  private buildInfo(): BuildInfo {
    const info = this.app.info;
    const settings = this.app.settings;
    const extra: Record<string, string> = {};
    if (settings) extra['License server (Settings)'] = settings.licenseServerUrl;
    if (info) {
      extra['Manager server'] = `Node.js ${info.nodeVersion} on ${info.platform}${info.tls ? ', HTTPS' : ''}`;
    }
    extra['Site build'] = `${__LD_SITE_VERSION__} (${__LD_SITE_BUILD_DATE__})`;
    return {
      name: info?.name ?? 'LicenseDesk Manager',
      version: info?.version ?? __LD_SITE_VERSION__,
      ...(info?.gitCommit ? { commit: info.gitCommit } : {}),
      ...(info?.buildDate ? { buildDate: info.buildDate } : {}),
      extra,
    };
  }

  protected override render() {
    // The panel's client talks to the manager's relay; the address to show is the license server's.
    return html`<ld-about-panel
      ?focus-on-load=${this.focusOnLoad}
      server-address=${this.app.settings?.licenseServerUrl ?? ''}
      .buildInfo=${this.buildInfo()}
    ></ld-about-panel>`;
  }
}

export const tag = 'ldm-about-page';
definePage(tag, AboutPage);
