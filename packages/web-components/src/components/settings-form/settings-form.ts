import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { parseServerAddress } from '@licensedesk/sdk';
import { LdSettingsSaveEvent, type ManagerSettings } from '../../events/settings-save.js';
import { focusSoon } from '../../internal/focus.js';
import { uniqueId } from '../../internal/ids.js';
import { isLoopbackHost } from '../../internal/network.js';
import { baseStyles, buttonStyles, fieldStyles } from '../../internal/styles.js';
import styles from './settings-form.styles.js';

/** What the host reports after handling `ld-settings-save`. */
export const SETTINGS_FORM_STATES = ['idle', 'saving', 'saved', 'error'] as const;
export type SettingsFormState = (typeof SETTINGS_FORM_STATES)[number];

/** The manager's settings when none were saved yet. */
export const DEFAULT_MANAGER_SETTINGS: Readonly<ManagerSettings> = Object.freeze({
  pageSize: 20,
  host: 'localhost',
  port: 7070,
  https: false,
  allowDeviceDrop: false,
});

/** Largest page size offered. */
/** The manager server accepts page sizes from 5 to 500; the form checks the same range. */
const MIN_PAGE_SIZE = 5;
const MAX_PAGE_SIZE = 500;

type Field = keyof ManagerSettings;

interface Draft {
  pageSize: string;
  host: string;
  port: string;
  https: boolean;
  allowDeviceDrop: boolean;
}

const TIPS: Record<Field, string> = {
  pageSize: 'How many records the Features, Devices, Named License Pools and Reservations views show per page (5 to 500).',
  host: 'Network name or IP address of the license server, as this browser (or the manager server) reaches it. Inside a container "localhost" means the container itself.',
  port: 'TCP port of the license server REST API; a local license server listens on 7070 unless configured otherwise.',
  https: 'Talk to the license server over HTTPS. Use it whenever the server is on another machine: passwords and tokens otherwise travel unencrypted.',
  allowDeviceDrop: 'Whether the Devices view offers removing a device from the server, which releases the licenses it holds.',
};

const HOST_PATTERN = /^(?:\[[0-9a-f:.]+\]|[0-9a-z](?:[0-9a-z-]{0,61}[0-9a-z])?(?:\.[0-9a-z](?:[0-9a-z-]{0,61}[0-9a-z])?)*\.?|[0-9a-f:]+)$/i;

function toDraft(settings: ManagerSettings): Draft {
  return {
    pageSize: String(settings.pageSize),
    host: settings.host,
    port: String(settings.port),
    https: settings.https,
    allowDeviceDrop: settings.allowDeviceDrop,
  };
}

/**
 * @tagname ld-settings-form
 * @summary The manager's Settings: page size, license server host name and port, HTTPS, device drop.
 *
 * @description Editable even when the license server is unreachable: the form does not talk to it.
 * It validates each field (an lmgrd-style `port@host` gets an explanation; a pasted URL such as
 * `http://licsrv:7070` is split into host, port and HTTPS), warns when credentials would travel over
 * plain http to another machine, and on Save emits `ld-settings-save` with the settings. The host
 * persists them and sets `state` to `saved` or `error` (with `message`).
 *
 * @event ld-settings-save - Valid settings were saved by the user: `detail {settings}`.
 *
 * @csspart form - The form.
 * @csspart heading - The heading.
 * @csspart field - Each field container.
 * @csspart label - Each field label.
 * @csspart input - Each text input.
 * @csspart info-button - Each info tip button.
 * @csspart tip - Each info tip text.
 * @csspart error - Each field error message.
 * @csspart warning - The unencrypted-connection warning.
 * @csspart actions - The row with the Save button.
 * @csspart save-button - The Save button.
 * @csspart result - The saved / error message.
 *
 * @cssproperty --ld-settings-form-width - Maximum width.
 * @cssproperty --ld-settings-form-padding - Inner padding.
 * @cssproperty --ld-settings-form-background - Background.
 * @cssproperty --ld-settings-form-border-color - Border color.
 * @cssproperty --ld-settings-form-tip-background - Background of info tips.
 */
export class LdSettingsForm extends LitElement {
  static override styles = [baseStyles, buttonStyles, fieldStyles, styles];

  /** The settings to show (the form keeps edits until Save or until new settings are set). */
  @property({ attribute: false })
  settings: ManagerSettings = { ...DEFAULT_MANAGER_SETTINGS };

  /** Result of the last save, set by the host. */
  @property({ reflect: true })
  state: SettingsFormState = 'idle';

  /** Explanation shown with `state="error"`. */
  @property()
  message = '';

  /** Heading text. */
  @property()
  heading = 'Settings';

  /** Focus the heading when the form appears. */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  @state()
  private draft: Draft = toDraft(DEFAULT_MANAGER_SETTINGS);

  @state()
  private errors: Partial<Record<Field, string>> = {};

  @state()
  private note = '';

  @state()
  private openTips = new Set<Field>();

  private readonly uid = uniqueId('ld-settings');

  /** The settings as currently typed, when valid; null otherwise. */
  get value(): ManagerSettings | null {
    const { settings, errors } = this.validate(this.draft);
    return Object.keys(errors).length === 0 ? settings : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('settings')) {
      this.draft = toDraft({ ...DEFAULT_MANAGER_SETTINGS, ...this.settings });
      this.errors = {};
      this.note = '';
    }
  }

  protected override firstUpdated(): void {
    if (this.focusOnLoad) focusSoon(this.renderRoot.querySelector<HTMLElement>('h2'));
  }

  protected override render() {
    const d = this.draft;
    const insecure = !d.https && d.host.trim() !== '' && !this.errors.host && !isLoopbackHost(d.host);
    return html`<form part="form" novalidate aria-labelledby="${this.uid}-heading" @submit=${this.handleSubmit}>
      <h2 part="heading" id="${this.uid}-heading" tabindex="-1">${this.heading}</h2>
      ${this.renderText('pageSize', 'Page Size', d.pageSize, { inputmode: 'numeric', short: true })}
      ${this.renderText('host', 'License Server Host Name', d.host, { autocomplete: 'off', spellcheck: false })}
      ${this.note ? html`<p class="hint" role="status">${this.note}</p>` : nothing}
      ${this.renderText('port', 'License Server Port', d.port, { inputmode: 'numeric', short: true })}
      ${this.renderChoice('https', 'Connect Using HTTPS', d.https)}
      ${insecure
        ? html`<p part="warning" class="warning" role="alert">
            Without HTTPS, user names, passwords and tokens travel unencrypted to ${d.host.trim()}. Turn on HTTPS for a
            license server on another machine.
          </p>`
        : nothing}
      ${this.renderChoice('allowDeviceDrop', 'Allow Device Drop', d.allowDeviceDrop)}
      <div part="actions" class="actions">
        <button part="save-button" class="button primary" type="submit" ?disabled=${this.state === 'saving'}>
          ${this.state === 'saving' ? 'Saving…' : 'Save'}
        </button>
        ${this.renderResult()}
      </div>
    </form>`;
  }

  private renderResult() {
    if (this.state === 'saved') return html`<p part="result" class="result saved" role="status">Settings saved.</p>`;
    if (this.state === 'error') {
      return html`<p part="result" class="result error" role="alert">
        Settings not saved${this.message ? html`: ${this.message}` : '.'}
      </p>`;
    }
    return html`<p part="result" class="result" role="status"></p>`;
  }

  private renderTipButton(field: Field, label: string) {
    const open = this.openTips.has(field);
    return html`<button
      part="info-button"
      class="info-button"
      type="button"
      aria-label=${`About ${label}`}
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="${this.uid}-${field}-tip"
      @click=${() => this.toggleTip(field)}
    >
      i
    </button>`;
  }

  private renderTip(field: Field) {
    return html`<p part="tip" class="tip" id="${this.uid}-${field}-tip" ?hidden=${!this.openTips.has(field)}>${TIPS[field]}</p>`;
  }

  private renderError(field: Field) {
    const error = this.errors[field];
    return error ? html`<p part="error" class="error" id="${this.uid}-${field}-error">${error}</p>` : nothing;
  }

  private renderText(
    field: 'pageSize' | 'host' | 'port',
    label: string,
    value: string,
    options: { inputmode?: string; short?: boolean; autocomplete?: string; spellcheck?: boolean },
  ): TemplateResult {
    const error = this.errors[field];
    const describedBy = [`${this.uid}-${field}-tip`, error ? `${this.uid}-${field}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <div class="label-row">
        <label part="label" for="${this.uid}-${field}">${label}</label>${this.renderTipButton(field, label)}
      </div>
      ${this.renderTip(field)}
      <input
        part="input"
        id="${this.uid}-${field}"
        name=${field}
        type="text"
        class=${options.short ? 'short' : ''}
        inputmode=${options.inputmode ?? nothing}
        autocomplete=${options.autocomplete ?? 'off'}
        spellcheck=${options.spellcheck === false ? 'false' : nothing}
        required
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${live(value)}
        @input=${(event: InputEvent) => this.handleInput(field, (event.target as HTMLInputElement).value)}
        @change=${field === 'host' ? this.handleHostChange : nothing}
      />
      ${this.renderError(field)}
    </div>`;
  }

  private renderChoice(field: 'https' | 'allowDeviceDrop', label: string, value: boolean): TemplateResult {
    const name = `${this.uid}-${field}`;
    return html`<fieldset part="field" class="choice" aria-describedby="${this.uid}-${field}-tip">
      <legend part="label">${label} ${this.renderTipButton(field, label)}</legend>
      ${this.renderTip(field)}
      <div class="options">
        <label
          ><input
            type="radio"
            name=${name}
            value="yes"
            .checked=${live(value)}
            @change=${() => this.setDraft({ [field]: true })}
          />Yes</label
        >
        <label
          ><input
            type="radio"
            name=${name}
            value="no"
            .checked=${live(!value)}
            @change=${() => this.setDraft({ [field]: false })}
          />No</label
        >
      </div>
    </fieldset>`;
  }

  private toggleTip(field: Field): void {
    const next = new Set(this.openTips);
    if (next.has(field)) next.delete(field);
    else next.add(field);
    this.openTips = next;
  }

  private setDraft(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.state === 'saved' || this.state === 'error') this.state = 'idle';
  }

  private handleInput(field: 'pageSize' | 'host' | 'port', value: string): void {
    this.setDraft({ [field]: value });
    // Re-check a field already marked wrong as the user fixes it.
    if (this.errors[field]) {
      const { errors } = this.validate(this.draft);
      this.errors = { ...this.errors, [field]: errors[field] };
      if (!errors[field]) delete this.errors[field];
    }
  }

  /** A pasted address (`http://licsrv:7070`, `licsrv:7070`) is split into host, port and HTTPS. */
  private handleHostChange = (): void => {
    const text = this.draft.host.trim();
    const looksLikeAddress = /^[a-z][a-z\d+.-]*:\/\//i.test(text) || /^[^\s:@/[\]]+:\d+\/?$/.test(text);
    if (!looksLikeAddress) return;
    const parsed = parseServerAddress(text);
    if (!parsed.ok) return;
    const url = new URL(parsed.origin);
    const https = url.protocol === 'https:';
    const port = url.port || (https ? '443' : /^[a-z][a-z\d+.-]*:\/\//i.test(text) ? '80' : this.draft.port);
    const host = url.hostname;
    this.setDraft({ host, port, https });
    this.note = `Read "${text}" as host ${host}, port ${port}, HTTPS ${https ? 'Yes' : 'No'}.`;
    const { errors } = this.validate(this.draft);
    this.errors = errors;
  };

  private validate(draft: Draft): { settings: ManagerSettings; errors: Partial<Record<Field, string>> } {
    const errors: Partial<Record<Field, string>> = {};
    const pageSizeText = draft.pageSize.trim();
    const pageSize = Number(pageSizeText);
    if (pageSizeText === '') errors.pageSize = 'Enter a page size.';
    else if (!/^\d+$/.test(pageSizeText) || pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
      errors.pageSize = `Enter a whole number from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}.`;
    }

    const host = draft.host.trim();
    if (host === '') {
      errors.host = 'Enter the host name or IP address of the license server.';
    } else if (host.includes('@')) {
      const parsed = parseServerAddress(host);
      errors.host = parsed.ok
        ? 'A host name cannot contain "@".'
        : `${parsed.reason} ${parsed.code === 'lmgrd-address' ? `Enter the host name here (${host.split('@')[1]?.split(/[:;,]/)[0] ?? 'licsrv'}) and the REST port (default 7070) below.` : parsed.hint}`;
    } else if (/^[a-z][a-z\d+.-]*:\/\//i.test(host) || /[/\s]/.test(host) || !HOST_PATTERN.test(host)) {
      errors.host = 'Enter only a host name or IP address, such as licsrv or 10.0.0.5 (no scheme, port or path).';
    }

    const portText = draft.port.trim();
    const port = Number(portText);
    if (portText === '') errors.port = 'Enter the port (the default is 7070).';
    else if (!/^\d+$/.test(portText) || port < 1 || port > 65535) errors.port = 'Enter a port from 1 to 65535 (the default is 7070).';

    return {
      settings: { pageSize, host, port, https: draft.https, allowDeviceDrop: draft.allowDeviceDrop },
      errors,
    };
  }

  private handleSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { settings, errors } = this.validate(this.draft);
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.dispatchEvent(new LdSettingsSaveEvent({ settings }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-settings-form': LdSettingsForm;
  }
}
