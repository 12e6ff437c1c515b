import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { focusSoon } from '../../internal/focus.js';
import { uniqueId } from '../../internal/ids.js';
import { LdElement } from '../../internal/ld-element.js';
import type { HealthInfo } from '../../internal/sdk.js';
import { baseStyles } from '../../internal/styles.js';
import styles from './about-panel.styles.js';

/** Build information of the manager, shown as given. */
export interface BuildInfo {
  /** Product name, e.g. "LicenseDesk manager". */
  name?: string;
  version?: string;
  /** Source revision. */
  commit?: string;
  /** Build date (ISO 8601 or as wanted). */
  buildDate?: string;
  /** Any further lines, label to value. */
  extra?: Record<string, string>;
}

type Row = [label: string, value: string | undefined | null];

function rows(list: Row[]) {
  return list
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`);
}

/** What the browser says about itself; plain strings only. */
function browserRows(): Row[] {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string; brands?: Array<{ brand: string; version: string }> } };
  const brands = nav.userAgentData?.brands
    ?.filter((b) => !/not.?a.?brand/i.test(b.brand))
    .map((b) => `${b.brand} ${b.version}`)
    .join(', ');
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timeZone = undefined;
  }
  return [
    ['Browser', brands || undefined],
    ['User agent', nav.userAgent],
    ['Platform', nav.userAgentData?.platform || nav.platform],
    ['Language', (nav.languages ?? [nav.language]).join(', ')],
    ['Time zone', timeZone],
    ['Cookies enabled', nav.cookieEnabled ? 'Yes' : 'No'],
    ['Online', nav.onLine ? 'Yes' : 'No'],
    ['Screen', typeof screen !== 'undefined' ? `${screen.width} × ${screen.height}` : undefined],
  ];
}

/**
 * @tagname ld-about-panel
 * @summary The About view: build information of the manager, the license server's version and status
 * (when reachable), and browser information.
 *
 * @description Reads the server's health through the SDK client (no login needed). When the server
 * cannot be reached, the system section says so with the address tried, and offers "Try again".
 *
 * @csspart base - The container.
 * @csspart heading - The view heading.
 * @csspart manager - The manager build section.
 * @csspart server - The license server section.
 * @csspart browser - The browser section.
 * @csspart list - Each list of labels and values.
 * @csspart server-status - The license server status value.
 *
 * @cssproperty --ld-about-panel-gap - Space between sections.
 * @cssproperty --ld-about-panel-padding - Padding of each section.
 * @cssproperty --ld-about-panel-background - Background of each section.
 * @cssproperty --ld-about-panel-border-color - Border color of each section.
 */
export class LdAboutPanel extends LdElement {
  static override styles = [baseStyles, styles];

  /** Build information of the manager. */
  @property({ attribute: false })
  buildInfo: BuildInfo = {};

  /** Heading text. */
  @property()
  heading = 'About';

  /** Focus the heading when the view appears. */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  /**
   * License server address shown as "Address", for a client that reaches the server through a
   * relay such as the manager; when empty, the client's base URL is shown.
   */
  @property({ attribute: 'server-address' })
  serverAddress = '';

  private readonly uid = uniqueId('ld-about');

  /** The health request; re-runs when the client changes. */
  readonly health = new Task(this, {
    task: async ([client], { signal }) => (client ? (await client.health.get({ signal })).LLS : undefined),
    args: () => [this.client] as const,
  });

  /** Reads the server's health again. */
  refresh(): void {
    void this.health.run();
  }

  protected override firstUpdated(): void {
    if (this.focusOnLoad) focusSoon(this.renderRoot.querySelector<HTMLElement>('h2'));
  }

  protected override render() {
    const build = this.buildInfo ?? {};
    return html`<div part="base" class="base">
      <h2 part="heading" tabindex="-1">${this.heading}</h2>
      <section part="manager" aria-labelledby="${this.uid}-manager">
        <h3 id="${this.uid}-manager">Manager</h3>
        <dl part="list">
          ${rows([
            ['Product', build.name ?? 'LicenseDesk manager'],
            ['Version', build.version ?? 'unknown'],
            ['Revision', build.commit],
            ['Built', build.buildDate],
            ...Object.entries(build.extra ?? {}),
          ])}
        </dl>
      </section>
      <section part="server" aria-labelledby="${this.uid}-server" aria-busy=${this.health.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <h3 id="${this.uid}-server">License server</h3>
        ${this.client
          ? this.health.render({
              pending: () => html`<ld-status loading loading-text="Reading the license server's status…"></ld-status>`,
              complete: (info) => (info ? this.renderServer(info) : nothing),
              error: (error) =>
                html`<ld-status .error=${error} operation="read the server status" retryable @ld-retry=${this.refresh}></ld-status>`,
            })
          : html`<ld-status notice="No license server is configured."></ld-status>`}
      </section>
      <section part="browser" aria-labelledby="${this.uid}-browser">
        <h3 id="${this.uid}-browser">Browser</h3>
        <dl part="list">${rows(browserRows())}</dl>
      </section>
    </div>`;
  }

  private renderServer(info: HealthInfo) {
    const status = info.status ?? 'unknown';
    const good = /^(running|ok|up)$/i.test(status);
    return html`<dl part="list">
      ${rows([['Address', this.serverAddress || this.client?.baseUrl]])}
      <dt>Status</dt>
      <dd part="server-status" class=${good ? 'status-ok' : 'status-bad'}>${status}</dd>
      ${rows([
        ['Version', info.version],
        ['Build', info.buildVersion],
        ['Build date', info.buildDate],
        ['Branch', info.branch],
        ['Revision', info.gitHash],
        ['Patch', info.patch],
        ['FNE build', info.fneBuildVersion],
        ['Instance id', info.serverInstanceID],
        ['Administrative security', info.security],
        ['HTTP authentication', info.httpAuth],
        ['Licensing security (JSON)', info.licensingSecurityJSON],
        ['Database', info.database?.connectionCheck],
        ['Disk space', info.diskspace],
      ])}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-about-panel': LdAboutPanel;
  }
}
