import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { LdBackEvent } from '../../events/back.js';
import { LdDeviceDroppedEvent } from '../../events/device-dropped.js';
import type { LdRowSelectEvent } from '../../events/row-select.js';
import { LdElement } from '../../internal/ld-element.js';
import type { ConsumedFeature, DeviceDetail, HealthResponse } from '../../internal/sdk.js';
import { baseStyles, buttonStyles } from '../../internal/styles.js';
import { licenseViewStyles } from '../../internal/license-view-styles.js';
import { compactExpiryText, expiryText, expiryTitle, numberText, optionalText } from '../../internal/display.js';
import { isAbort } from '../../internal/errors.js';
import { focusSoon } from '../../internal/focus.js';
import type { LdColumn } from '../data-table/data-table.js';
import styles from './device-details.styles.js';

/** Columns of the Consumed Features table. */
export const CONSUMED_FEATURE_COLUMNS: LdColumn<ConsumedFeature>[] = [
  { key: 'featureName', header: 'Feature Name' },
  { key: 'featureVersion', header: 'Version', value: (f) => String(f.featureVersion) },
  { key: 'used', header: 'Used', align: 'end', value: (f) => numberText(f.used) },
  {
    key: 'expiry',
    header: 'Expiry',
    value: (f) => expiryText(f.expiry),
    render: (f) => compactExpiryText(f.expiry),
    template: (f) => html`<span class="date" title=${expiryTitle(f.expiry) ?? nothing}>${compactExpiryText(f.expiry)}</span>`,
  },
  { key: 'starts', header: 'Start Date', value: (f) => optionalText(f.starts), nowrap: true },
  { key: 'vendorString', header: 'Vendor String', value: (f) => f.vendorString ?? '', render: (f) => optionalText(f.vendorString), truncate: 40 },
];

/** What the view is doing with the drop confirmation. */
type DropState = 'idle' | 'confirming' | 'dropping';

/**
 * @tagname ld-device-details
 * @summary Device Details: one served device with its host id, type, alias and expiry, the features
 * it consumes, and (when allowed) a control to drop it from the license server.
 *
 * @description Shows Device ID, ID Type, Device Type, Alias and Device Expiry (when everything checked
 * out on the device expires; "Permanent" when nothing does), then the Consumed Features table:
 * Feature Name, Version, Used, Expiry (final expiry, or "Permanent"), Start Date, Vendor String.
 * "Drop Device" is offered only when the manager option `allowDeviceDrop` is on
 * (`<ld-provider allow-device-drop>`) and the session holds ROLE_DROPCLIENT, or the server runs
 * without administrative security. It asks for confirmation in a modal dialog; "access denied" is
 * shown when the server refuses. Values are rendered as text.
 *
 * @event ld-back - The user pressed "Back to list": `detail {to: "devices"}`.
 * @event ld-device-dropped - The device was removed and its counts released: `detail {id, hostid}`.
 * @event ld-copy - A vendor string was copied: `detail {text, copied}`.
 * @event ld-login-required - The server asked for credentials (from the status banner).
 *
 * @csspart base - The container.
 * @csspart header - The row with the back control and heading.
 * @csspart back-button - The "Back to list" control.
 * @csspart heading - The heading naming the device.
 * @csspart status - The loading / error / dropped banner of the device.
 * @csspart fields - The list of the device's fields.
 * @csspart field - Each field row (also `field-<name>`).
 * @csspart label - Each field label.
 * @csspart value - Each field value.
 * @csspart actions - The row holding the drop control.
 * @csspart drop-button - The "Drop Device" control.
 * @csspart drop-status - The banner of a refused drop.
 * @csspart dialog - The confirmation dialog.
 * @csspart dialog-title - Its heading.
 * @csspart dialog-message - Its explanation.
 * @csspart dialog-actions - Its buttons row.
 * @csspart cancel-button - The dialog's Cancel button.
 * @csspart confirm-button - The dialog's "Drop device" button.
 * @csspart consumed-features - The Consumed Features section.
 * @csspart consumed-features-heading - Its heading.
 * @csspart consumed-features-status - Its empty banner.
 * @csspart table - The Consumed Features table.
 *
 * @cssproperty --ld-device-details-gap - Space between the sections.
 * @cssproperty --ld-device-details-label-width - Minimum width of the field labels.
 * @cssproperty --ld-device-details-dialog-width - Width of the confirmation dialog.
 * @cssproperty --ld-device-details-backdrop - Backdrop color behind the dialog.
 */
export class LdDeviceDetails extends LdElement {
  static override styles = [baseStyles, buttonStyles, licenseViewStyles, styles];

  /** Server record id of the device to show (`detail.id` of `ld-device-select`). */
  @property({ type: Number, attribute: 'device-id' })
  deviceId?: number;

  /** Hides the "Back to list" control (when the host page offers its own). */
  @property({ type: Boolean, attribute: 'hide-back' })
  hideBack = false;

  /** Moves focus to the heading once the device is shown. */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  @state()
  private dropState: DropState = 'idle';

  @state()
  private dropError: unknown = undefined;

  /** The device dropped from this view, once done. */
  @state()
  private dropped?: { id: number; hostid: string };

  @query('.heading')
  private headingElement?: HTMLElement;

  @query('dialog')
  private dialog?: HTMLDialogElement;

  private focusedFor: number | undefined;

  private deviceTask = new Task(this, {
    task: async ([client, id], { signal }): Promise<DeviceDetail | typeof initialState> => {
      if (!client || id === undefined || !Number.isFinite(id)) return initialState;
      return client.devices.get(id, { signal });
    },
    args: () => [this.client, this.deviceId] as const,
  });

  /**
   * Whether the server runs without administrative security (then anyone may drop). Read only when
   * device drop is allowed and the session lacks ROLE_DROPCLIENT.
   */
  private securityTask = new Task(this, {
    task: async ([client, needed], { signal }): Promise<boolean | typeof initialState> => {
      if (!client || !needed) return initialState;
      const health: HealthResponse = await client.health.get({ signal });
      return String(health.LLS?.security ?? '').toLowerCase() === 'disabled';
    },
    args: () => [this.client, this.managerOptions.allowDeviceDrop && !this.hasRole('ROLE_DROPCLIENT')] as const,
  });

  /** Whether this session may drop the device: allowed by the manager options and by the server's roles. */
  get canDrop(): boolean {
    if (!this.managerOptions.allowDeviceDrop) return false;
    if (this.hasRole('ROLE_DROPCLIENT')) return true;
    return this.securityTask.status === TaskStatus.COMPLETE && this.securityTask.value === true;
  }

  /** Loads the device again. */
  reload(): void {
    void this.deviceTask.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('deviceId')) {
      this.dropped = undefined;
      this.dropError = undefined;
      this.dropState = 'idle';
    }
  }

  protected override updated(): void {
    if (this.focusOnLoad && this.focusedFor !== this.deviceId && this.deviceTask.status === TaskStatus.COMPLETE) {
      this.focusedFor = this.deviceId;
      focusSoon(this.headingElement);
    }
  }

  private get device(): DeviceDetail | undefined {
    const status = this.deviceTask.status;
    if (status !== TaskStatus.COMPLETE && status !== TaskStatus.PENDING) return undefined;
    const device = this.deviceTask.value as DeviceDetail | undefined;
    return device && device.id === this.deviceId ? device : undefined;
  }

  protected override render() {
    const device = this.dropped ? undefined : this.device;
    return html`<section part="base" class="base" aria-labelledby="heading" @ld-retry=${this.handleRetry}>
      <div part="header" class="header">
        ${this.hideBack
          ? nothing
          : html`<button part="back-button" class="button" type="button" @click=${this.handleBack}>
              <span aria-hidden="true">←</span> Back to list
            </button>`}
        <h2 part="heading" class="heading" id="heading" tabindex="-1">
          ${device ? html`Device Details: ${device.hostid.hostidValue}` : 'Device Details'}
        </h2>
      </div>
      ${this.renderStatus(device)} ${device ? this.renderDevice(device) : nothing}
    </section>`;
  }

  private renderStatus(device: DeviceDetail | undefined) {
    if (this.dropped) {
      return html`<ld-status
        part="status"
        variant="success"
        notice=${`Device ${this.dropped.hostid} was dropped from the license server; the licenses it held were released.`}
      ></ld-status>`;
    }
    if (!this.client) {
      return html`<ld-status part="status" notice="No license server client is connected." variant="warning"></ld-status>`;
    }
    if (this.deviceId === undefined || !Number.isFinite(this.deviceId)) {
      return html`<ld-status part="status" notice="No device is selected."></ld-status>`;
    }
    const error = this.deviceTask.status === TaskStatus.ERROR ? this.deviceTask.error : undefined;
    return html`<ld-status
      part="status"
      .error=${error}
      ?loading=${!error && !device}
      loading-text="Loading the device…"
      operation="view the devices"
      retryable
    ></ld-status>`;
  }

  private field(name: string, label: string, value: string | TemplateResult) {
    return html`<div part="field field-${name}" class="field-row">
      <dt part="label">${label}</dt>
      <dd part="value">${value}</dd>
    </div>`;
  }

  private renderDevice(device: DeviceDetail) {
    const features = device.features ?? [];
    return html`<dl part="fields" class="fields">
        ${this.field('device-id', 'Device ID', device.hostid.hostidValue)}
        ${this.field('id-type', 'ID Type', device.hostid.hostidType)}
        ${this.field('device-type', 'Device Type', device.machineType ?? 'UNKNOWN')}
        ${this.field('alias', 'Alias', optionalText(device.alias))}
        ${this.field('expiry', 'Device Expiry', html`<span class="date" title=${expiryTitle(device.expiry) ?? nothing}>${compactExpiryText(device.expiry)}</span>`)}
        ${this.field('host-name', 'Host Name', optionalText(device.hostName))}
        ${this.field('served-status', 'Served Status', optionalText(device.servedStatus))}
        ${this.field('updated', 'Last Updated', optionalText(device.updateTime))}
      </dl>
      ${this.canDrop ? this.renderDrop(device) : nothing}
      <section part="consumed-features" class="consumed-features" aria-labelledby="consumed-heading">
        <h3 part="consumed-features-heading" class="subheading" id="consumed-heading">Consumed Features</h3>
        ${features.length === 0
          ? html`<ld-status part="consumed-features-status" empty empty-text="This device holds no features."></ld-status>`
          : html`<ld-data-table
              part="table"
              caption="Consumed Features"
              hide-caption
              .columns=${CONSUMED_FEATURE_COLUMNS}
              .rows=${features}
              .rowKey=${(f: ConsumedFeature, index: number) => `${f.featureId}:${index}`}
              @ld-row-select=${this.handleRowSelect}
            ></ld-data-table>`}
      </section>`;
  }

  private renderDrop(device: DeviceDetail) {
    const busy = this.dropState === 'dropping';
    const held = (device.features ?? []).reduce((sum, f) => sum + (typeof f.used === 'number' ? f.used : 0), 0);
    return html`<div part="actions" class="actions">
        <button part="drop-button" class="button danger" type="button" id="drop-button" @click=${this.openDialog}>
          Drop Device
        </button>
      </div>
      ${this.dropError !== undefined
        ? html`<ld-status part="drop-status" .error=${this.dropError} operation="drop devices"></ld-status>`
        : nothing}
      <dialog
        part="dialog"
        class="dialog"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-message"
        @close=${this.handleDialogClose}
        @cancel=${this.handleDialogCancel}
      >
        <h3 part="dialog-title" class="dialog-title" id="dialog-title">Drop this device?</h3>
        <p part="dialog-message" id="dialog-message">
          Device ${device.hostid.hostidValue} (${device.hostid.hostidType}) will be removed from the license server
          and the ${held} ${held === 1 ? 'license' : 'licenses'} it holds will be released. The device gets licenses
          again only when it asks the server anew.
        </p>
        <div part="dialog-actions" class="dialog-actions">
          <button part="cancel-button" class="button" type="button" id="cancel-button" ?disabled=${busy} @click=${this.closeDialog}>
            Cancel
          </button>
          <button
            part="confirm-button"
            class="button primary danger-fill"
            type="button"
            ?disabled=${busy}
            @click=${() => this.confirmDrop(device)}
          >
            ${busy ? 'Dropping…' : 'Drop device'}
          </button>
        </div>
      </dialog>`;
  }

  private openDialog = async (): Promise<void> => {
    this.dropError = undefined;
    this.dropState = 'confirming';
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // The safe choice has focus first.
    dialog.querySelector<HTMLButtonElement>('#cancel-button')?.focus();
  };

  private closeDialog = (): void => {
    this.dialog?.close();
  };

  private handleDialogCancel = (event: Event): void => {
    // Escape must not close the dialog while the request runs.
    if (this.dropState === 'dropping') event.preventDefault();
  };

  private handleDialogClose = (): void => {
    if (this.dropState === 'confirming') this.dropState = 'idle';
    if (!this.dropped) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('#drop-button')?.focus());
    }
  };

  private async confirmDrop(device: DeviceDetail): Promise<void> {
    const client = this.client;
    if (!client || this.dropState === 'dropping') return;
    this.dropState = 'dropping';
    try {
      await client.devices.drop(device.id);
      this.dropped = { id: device.id, hostid: device.hostid.hostidValue };
      this.dropState = 'idle';
      this.dialog?.close();
      this.dispatchEvent(new LdDeviceDroppedEvent({ id: device.id, hostid: device.hostid.hostidValue }));
      await this.updateComplete;
      focusSoon(this.headingElement);
    } catch (error) {
      this.dropState = 'idle';
      if (!isAbort(error)) this.dropError = error;
      this.dialog?.close();
    }
  }

  private handleBack = (): void => {
    this.dispatchEvent(new LdBackEvent({ to: 'devices' }));
  };

  private handleRetry = (event: Event): void => {
    event.stopPropagation();
    this.reload();
  };

  private handleRowSelect = (event: LdRowSelectEvent<ConsumedFeature>): void => {
    // Consumed feature rows open nothing; the generic row event stays inside.
    event.stopPropagation();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-device-details': LdDeviceDetails;
  }
}
