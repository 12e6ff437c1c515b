import { html, nothing } from 'lit';
import '@licensedesk/web-components/define/settings-form';
import '@licensedesk/web-components/define/status';
import type { LdSettingsSaveEvent, SettingsFormState } from '@licensedesk/web-components';
import {
  ManagerApiError,
  getSettings,
  probeLicenseServer,
  saveSettings,
  type ManagerSettings,
  type ProbeResult,
} from '../../data/manager-api.js';
import { definePage, PageElement } from '../page-element.js';

type FormSettings = LdSettingsSaveEvent['detail']['settings'];

function toForm(settings: ManagerSettings): FormSettings {
  return {
    pageSize: settings.pageSize,
    host: settings.licenseServerHost,
    port: settings.licenseServerPort,
    https: settings.useHttps,
    allowDeviceDrop: settings.allowDeviceDrop,
  };
}

/** What the probe found, for people (C15). */
function describeProbe(probe: ProbeResult): { text: string; variant: 'success' | 'warning' | 'error' } {
  if (probe.reachable && probe.isFlexNetEmbedded && !probe.error) {
    const version = probe.version ? ` version ${probe.version}` : '';
    const status = probe.status ? `, status ${probe.status}` : '';
    return { text: `Found a FlexNet Embedded license server${version}${status} at ${probe.url}.`, variant: 'success' };
  }
  if (!probe.reachable) {
    // The probe's error already says "unreachable: <url>: <cause>" (its API wording): only the cause part is added here.
    const cause = probe.error?.replace(/^unreachable:\s*/i, '') ?? `no answer from ${probe.url}`;
    return { text: `License server unreachable: ${cause}.`, variant: 'error' };
  }
  if (!probe.isFlexNetEmbedded) {
    return {
      text: `${probe.error ?? `The server at ${probe.url} is not a FlexNet Embedded server`}. Check the host name and port: the manager talks to a FlexNet Embedded local license server over REST (default port 7070), not to an lmgrd port.`,
      variant: 'error',
    };
  }
  return { text: `The license server at ${probe.url} answered, but: ${probe.error ?? 'its health is not good'}.`, variant: 'warning' };
}

/** Settings: kept by the manager server, editable even while the license server is down. */
class SettingsPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    current: { state: true },
    formSettings: { state: true },
    formState: { state: true },
    message: { state: true },
    loadError: { state: true },
    probe: { state: true },
    probing: { state: true },
  };

  declare current: ManagerSettings | null;
  /** What the form shows: the saved settings, or what the user typed when the server refused it. */
  declare formSettings: FormSettings | null;
  declare formState: SettingsFormState;
  declare message: string;
  declare loadError: unknown;
  declare probe: ProbeResult | null;
  declare probing: boolean;

  constructor() {
    super();
    this.current = null;
    this.formSettings = null;
    this.formState = 'idle';
    this.message = '';
    this.loadError = undefined;
    this.probe = null;
    this.probing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.current = this.app?.settings ?? null;
    this.formSettings = this.current ? toForm(this.current) : null;
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.current = await getSettings();
      this.formSettings = toForm(this.current);
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error;
    }
    void this.runProbe();
  }

  private async runProbe(): Promise<void> {
    this.probing = true;
    try {
      this.probe = await probeLicenseServer();
    } catch {
      this.probe = null;
    } finally {
      this.probing = false;
    }
  }

  protected override render() {
    const probe = this.probe ? describeProbe(this.probe) : null;
    return html`${this.loadError
        ? html`<ld-status variant="error" notice=${`The manager's settings could not be read: ${(this.loadError as Error).message}`}></ld-status>`
        : nothing}
      ${this.formSettings
        ? html`<ld-settings-form
            ?focus-on-load=${this.focusOnLoad}
            .settings=${this.formSettings}
            state=${this.formState}
            message=${this.message}
            @ld-settings-save=${this.handleSave}
          ></ld-settings-form>`
        : html`<ld-status loading loading-text="Reading the manager's settings…"></ld-status>`}
      <section class="ldm-probe" aria-labelledby="ldm-probe-heading">
        <h3 id="ldm-probe-heading">Connection check</h3>
        ${this.probing
          ? html`<ld-status loading loading-text="Looking for the license server…"></ld-status>`
          : probe
            ? html`<ld-status class="ldm-probe-result" variant=${probe.variant} notice=${probe.text}></ld-status>`
            : nothing}
        <button class="ldm-button" type="button" ?disabled=${this.probing} @click=${() => void this.runProbe()}>Check again</button>
      </section>`;
  }

  private handleSave = async (event: LdSettingsSaveEvent): Promise<void> => {
    const s = event.detail.settings;
    this.formState = 'saving';
    this.message = '';
    try {
      const saved = await saveSettings({
        licenseServerHost: s.host,
        licenseServerPort: s.port,
        useHttps: s.https,
        pageSize: s.pageSize,
        allowDeviceDrop: s.allowDeviceDrop,
      });
      this.current = saved;
      this.formSettings = toForm(saved);
      this.formState = 'saved';
      this.app.applySettings(saved);
      void this.runProbe();
    } catch (error) {
      // The form keeps what the user typed (not the saved values), with the reason beside it.
      this.formSettings = { ...s };
      this.formState = 'error';
      this.message =
        error instanceof ManagerApiError && error.details.length > 0
          ? error.details.map((d) => d.message).join(' ')
          : (error as Error).message;
    }
  };
}

export const tag = 'ldm-settings-page';
definePage(tag, SettingsPage);
