import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { LdBackEvent } from '../../events/back.js';
import { LdCopyEvent } from '../../events/copy.js';
import { LdDeviceSelectEvent } from '../../events/device-select.js';
import type { LdPageChangeEvent } from '../../events/page-change.js';
import type { LdRowSelectEvent } from '../../events/row-select.js';
import { copyText } from '../../internal/clipboard.js';
import { LdElement } from '../../internal/ld-element.js';
import type { Feature, FeatureUsage } from '../../internal/sdk.js';
import { PagedList, listStatus, pagedTable } from '../../internal/paged-list.js';
import { baseStyles, buttonStyles } from '../../internal/styles.js';
import { licenseViewStyles } from '../../internal/license-view-styles.js';
import {
  booleanText,
  compactExpiryText,
  countText,
  expiryText,
  expiryTitle,
  featureStatusText,
  numberText,
  optionalText,
  viewPageSize,
  NO_VALUE_TEXT,
  UNCOUNTED_TEXT,
} from '../../internal/display.js';
import { featureStatus } from '@licensedesk/sdk';
import { focusSoon } from '../../internal/focus.js';
import type { LdColumn } from '../data-table/data-table.js';
import styles from './feature-details.styles.js';

/** Vendor strings longer than this are shown shortened, with controls to show all and to copy. */
export const VENDOR_STRING_SHORT_LENGTH = 60;

/** Columns of the Served Devices table. */
export const SERVED_DEVICE_COLUMNS: LdColumn<FeatureUsage>[] = [
  { key: 'deviceId', header: 'Device ID', value: (u) => u.client.hostid.hostidValue, truncate: 40 },
  { key: 'deviceIdType', header: 'Device ID Type', value: (u) => u.client.hostid.hostidType },
  { key: 'deviceType', header: 'Device Type', value: (u) => u.client.machineType ?? 'UNKNOWN' },
  { key: 'alias', header: 'Device Alias', value: (u) => optionalText(u.client.alias), truncate: 40 },
  { key: 'useCount', header: 'Total Count Served', align: 'end', value: (u) => u.useCount },
  {
    key: 'expiry',
    header: 'Expiry',
    value: (u) => u.expiry ?? '',
    render: (u) => compactExpiryText(u.expiry),
    template: (u) => html`<span class="date" title=${expiryTitle(u.expiry) ?? nothing}>${compactExpiryText(u.expiry)}</span>`,
  },
];

/** Available counts of one record: count minus used, never below 0; "Uncounted" for unlimited records. */
export function availableText(feature: Pick<Feature, 'featureCount' | 'used' | 'uncounted'> & { expiry?: string | null; starts?: string | null }): string {
  // An expired or not yet started record serves nothing, whatever its count.
  if ((feature.expiry !== undefined || feature.starts !== undefined) && featureStatus(feature) !== 'active') return '0';
  if (feature.uncounted) return UNCOUNTED_TEXT;
  return String(Math.max(0, (feature.featureCount ?? 0) - (feature.used ?? 0)));
}

/**
 * @tagname ld-feature-details
 * @summary Feature Details: one feature record with its counts, expiry, vendor string and selectors,
 * and the devices it is served to.
 *
 * @description Shows Feature Name, Version, Start Date, Total Count, Available, Used Count, Reserved
 * Count (reserved counts in use, included in Used Count), Vendor String (long ones shortened, with
 * "Show all" and a Copy control that copies the exact original), Feature Expiry ("Permanent" for
 * perpetual licenses; dates are never shifted by time zone) and Feature Selectors, then the paged
 * Served Devices table. Values are rendered as text.
 *
 * @event ld-back - The user pressed "Back to list": `detail {to: "features"}`.
 * @event ld-device-select - A served device row was chosen: `detail {id, hostid, hostidType}`.
 * @event ld-copy - The vendor string (or a table value) was copied: `detail {text, copied}`.
 * @event ld-page-change - The user chose another page of served devices: `detail {pageNumber, pageSize}`.
 * @event ld-login-required - The server asked for credentials (from the status banner).
 *
 * @csspart base - The container.
 * @csspart header - The row with the back control and heading.
 * @csspart back-button - The "Back to list" control.
 * @csspart heading - The heading naming the feature.
 * @csspart status - The loading / error banner of the feature.
 * @csspart fields - The list of the feature's fields.
 * @csspart field - Each field row (also `field-<name>`).
 * @csspart label - Each field label.
 * @csspart value - Each field value.
 * @csspart vendor-string - The vendor string text.
 * @csspart expand-button - The control that shows the whole vendor string.
 * @csspart copy-button - The control that copies the vendor string.
 * @csspart selectors - The list of feature selectors.
 * @csspart served-devices - The Served Devices section.
 * @csspart served-devices-heading - Its heading.
 * @csspart served-devices-status - Its loading / empty / error banner.
 * @csspart table - The Served Devices table.
 * @csspart pager - The paging tool of the Served Devices table.
 *
 * @cssproperty --ld-feature-details-gap - Space between the sections.
 * @cssproperty --ld-feature-details-label-width - Minimum width of the field labels.
 */
export class LdFeatureDetails extends LdElement {
  static override styles = [baseStyles, buttonStyles, licenseViewStyles, styles];

  /** Server record id of the feature to show (`Feature.id`, as in `ld-feature-select`'s `detail.id`). */
  @property({ type: Number, attribute: 'feature-id' })
  featureId?: number;

  /** Records per page of Served Devices; when unset, the manager option (at most 100). */
  @property({ type: Number, attribute: 'page-size' })
  pageSize?: number;

  /** Hides the "Back to list" control (when the host page offers its own). */
  @property({ type: Boolean, attribute: 'hide-back' })
  hideBack = false;

  /** Moves focus to the heading once the feature is shown. */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  /** The page of Served Devices shown (1-based). */
  @state()
  private devicesPage = 1;

  /** Whether the whole vendor string is shown. */
  @state()
  private vendorExpanded = false;

  @query('.heading')
  private headingElement?: HTMLElement;

  private focusedFor: number | undefined;

  private featureTask = new Task(this, {
    task: async ([client, id], { signal }): Promise<Feature | typeof initialState> => {
      if (!client || id === undefined || !Number.isFinite(id)) return initialState;
      return client.features.get(id, { signal });
    },
    args: () => [this.client, this.featureId] as const,
  });

  private devices = new PagedList(this, {
    args: () => [this.client, this.featureId] as const,
    list: ([client, id], signal) => {
      if (!client || id === undefined || !Number.isFinite(id)) return undefined;
      return client.features.clients(id, { signal });
    },
    pageNumber: () => this.devicesPage,
    pageSize: () => viewPageSize(this.pageSize, this.managerOptions.pageSize),
  });

  /** Loads the feature and its served devices again. */
  reload(): void {
    void this.featureTask.run();
    this.devices.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('featureId')) {
      this.devicesPage = 1;
      this.vendorExpanded = false;
    }
  }

  protected override updated(): void {
    if (this.focusOnLoad && this.focusedFor !== this.featureId && this.featureTask.status === TaskStatus.COMPLETE) {
      this.focusedFor = this.featureId;
      focusSoon(this.headingElement);
    }
  }

  protected override render() {
    const status = this.featureTask.status;
    const feature = status === TaskStatus.COMPLETE || status === TaskStatus.PENDING ? (this.featureTask.value as Feature | undefined) : undefined;
    const current = feature && feature.id === this.featureId ? feature : undefined;
    const title = current ? `${current.featureName} ${current.featureVersion}` : 'Feature Details';
    return html`<section part="base" class="base" aria-labelledby="heading" @ld-retry=${this.handleRetry}>
      <div part="header" class="header">
        ${this.hideBack
          ? nothing
          : html`<button part="back-button" class="button" type="button" @click=${this.handleBack}>
              <span aria-hidden="true">←</span> Back to list
            </button>`}
        <h2 part="heading" class="heading" id="heading" tabindex="-1">
          ${current ? html`Feature Details: ${title}` : 'Feature Details'}
        </h2>
      </div>
      ${this.renderFeatureStatus(current)} ${current ? this.renderFields(current) : nothing}
      ${current ? this.renderServedDevices() : nothing}
    </section>`;
  }

  private renderFeatureStatus(current: Feature | undefined) {
    if (!this.client) {
      return html`<ld-status part="status" notice="No license server client is connected." variant="warning"></ld-status>`;
    }
    if (this.featureId === undefined || !Number.isFinite(this.featureId)) {
      return html`<ld-status part="status" notice="No feature is selected."></ld-status>`;
    }
    const error = this.featureTask.status === TaskStatus.ERROR ? this.featureTask.error : undefined;
    return html`<ld-status
      part="status"
      .error=${error}
      ?loading=${!error && !current}
      loading-text="Loading the feature…"
      operation="view the features"
      retryable
    ></ld-status>`;
  }

  private field(name: string, label: string, value: TemplateResult | string, note?: string) {
    return html`<div part="field field-${name}" class="field-row">
      <dt part="label">${label}</dt>
      <dd part="value">${value}${note ? html` <span class="note">${note}</span>` : nothing}</dd>
    </div>`;
  }

  private renderFields(f: Feature) {
    const reservedInUse = f.assignedReserved ?? 0;
    const reservedTotal = f.reserved ?? 0;
    const reservedNote =
      reservedTotal > reservedInUse
        ? `(included in Used Count; ${reservedTotal} set aside for reservations)`
        : '(included in Used Count)';
    const selectors = Object.entries(f.selectors ?? {});
    return html`<dl part="fields" class="fields">
      ${this.field('feature-name', 'Feature Name', f.featureName)}
      ${this.field('version', 'Version', String(f.featureVersion))}
      ${this.field('start-date', 'Start Date', optionalText(f.starts))}
      ${this.field('total-count', 'Total Count', countText(f.featureCount, f.uncounted))}
      ${this.field('available', 'Available', availableText(f))}
      ${this.field('used-count', 'Used Count', numberText(f.used))}
      ${this.field('reserved-count', 'Reserved Count', String(reservedInUse), reservedNote)}
      ${this.field('vendor-string', 'Vendor String', this.renderVendorString(f.vendorString ?? ''))}
      ${this.field('expiry', 'Feature Expiry', expiryText(f.expiry))}
      ${this.field('status', 'Status', featureStatusText(f))}
      ${this.field(
        'selectors',
        'Feature Selectors',
        selectors.length === 0
          ? NO_VALUE_TEXT
          : html`<ul part="selectors" class="selectors">
              ${selectors.map(([name, value]) => html`<li>${name} = ${value}</li>`)}
            </ul>`,
      )}
      ${this.field('overdraft', 'Overdraft Count', numberText(f.overdraftCount))}
      ${this.field('metered', 'Metered', booleanText(f.metered))}
      ${this.field('counted', 'Counted', booleanText(!f.uncounted))}
      ${this.field('activation-id', 'Activation ID', optionalText(f.activationId))}
      ${this.field('feature-id', 'Feature ID', optionalText(f.featureId))}
    </dl>`;
  }

  private renderVendorString(text: string) {
    if (text === '') return html`<span part="vendor-string" class="value">${NO_VALUE_TEXT}</span>`;
    const long = text.length > VENDOR_STRING_SHORT_LENGTH || text.includes('\n');
    const clipped = long && !this.vendorExpanded;
    return html`<span class="long-text">
      <span part="vendor-string" class="value ${clipped ? 'clipped' : ''}" id="vendor-string">${text}</span>
      ${long
        ? html`<button
            part="expand-button"
            class="small-button"
            type="button"
            aria-controls="vendor-string"
            aria-expanded=${this.vendorExpanded ? 'true' : 'false'}
            @click=${() => (this.vendorExpanded = !this.vendorExpanded)}
          >
            ${this.vendorExpanded ? 'Show less' : `Show all (${text.length} characters)`}
          </button>`
        : nothing}
      <button part="copy-button" class="small-button" type="button" aria-label="Copy vendor string" @click=${() => this.copy(text)}>
        Copy
      </button>
    </span>`;
  }

  private renderServedDevices() {
    const page = this.devices.page;
    return html`<section part="served-devices" class="served-devices" aria-labelledby="served-heading">
      <h3 part="served-devices-heading" class="subheading" id="served-heading">Served Devices</h3>
      ${listStatus(this.devices, {
        part: 'served-devices-status',
        emptyText: 'No device holds this feature.',
        loadingText: 'Loading the served devices…',
        operation: 'view the devices',
      })}
      ${page && page.total > 0
        ? pagedTable(page, {
            caption: 'Served Devices',
            columns: SERVED_DEVICE_COLUMNS,
            loading: this.devices.status === TaskStatus.PENDING,
            onSelect: this.handleDeviceSelect,
            pagerLabel: 'Served device pages',
            noun: 'devices',
            onPageChange: this.handlePageChange,
          })
        : nothing}
    </section>`;
  }

  private async copy(text: string): Promise<void> {
    const copied = await copyText(text);
    this.dispatchEvent(new LdCopyEvent({ text, copied }));
  }

  private handleBack = (): void => {
    this.dispatchEvent(new LdBackEvent({ to: 'features' }));
  };

  private handleRetry = (event: Event): void => {
    event.stopPropagation();
    this.reload();
  };

  private handlePageChange = (event: LdPageChangeEvent): void => {
    this.devicesPage = event.detail.pageNumber;
  };

  private handleDeviceSelect = (event: LdRowSelectEvent<FeatureUsage>): void => {
    event.stopPropagation();
    const client = event.detail.row.client;
    this.dispatchEvent(
      new LdDeviceSelectEvent({ id: client.id, hostid: client.hostid.hostidValue, hostidType: client.hostid.hostidType }),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-feature-details': LdFeatureDetails;
  }
}
