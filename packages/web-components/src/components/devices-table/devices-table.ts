import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TaskStatus } from '@lit/task';
import { LdDeviceSelectEvent } from '../../events/device-select.js';
import type { LdPageChangeEvent } from '../../events/page-change.js';
import type { LdRowSelectEvent } from '../../events/row-select.js';
import { LdElement } from '../../internal/ld-element.js';
import type { Device } from '../../internal/sdk.js';
import { PagedList, listStatus, pagedTable } from '../../internal/paged-list.js';
import { baseStyles, buttonStyles, fieldStyles } from '../../internal/styles.js';
import { licenseViewStyles } from '../../internal/license-view-styles.js';
import { echoText, optionalText, viewPageSize } from '../../internal/display.js';
import { focusSoon } from '../../internal/focus.js';
import type { LdColumn } from '../data-table/data-table.js';
import styles from './devices-table.styles.js';

/** Columns of the Devices table. */
export const DEVICE_COLUMNS: LdColumn<Device>[] = [
  { key: 'deviceId', header: 'Device ID', value: (d) => d.hostid.hostidValue, truncate: 40 },
  { key: 'deviceIdType', header: 'Device ID Type', value: (d) => d.hostid.hostidType },
  { key: 'deviceType', header: 'Device Type', value: (d) => d.machineType ?? 'UNKNOWN' },
  { key: 'alias', header: 'Device Alias', value: (d) => optionalText(d.alias), truncate: 40 },
];

/** The server-side host id filter for a typed prefix: `HOST-1` → `HOST-1*` (a trailing `*` is kept as is). */
export function hostidPrefixFilter(prefix: string): string | undefined {
  const text = prefix.trim();
  if (text === '') return undefined;
  return text.endsWith('*') ? text : `${text}*`;
}

/**
 * @tagname ld-devices-table
 * @summary The Devices view: client devices the license server has served, paged, with an optional
 * Device ID prefix filter applied by the server.
 *
 * @description Columns Device ID, Device ID Type, Device Type (PHYSICAL, VIRTUAL or UNKNOWN) and Device
 * Alias, with the total number of records. Only one page is in the DOM at a time (at most 100 rows),
 * so servers with thousands of devices stay fast. Page size comes from the manager options
 * (`<ld-provider page-size>`) unless `page-size` is set. Values are rendered as text.
 *
 * @event ld-device-select - A device row was clicked or Enter/Space pressed on it: `detail {id, hostid, hostidType}`.
 * @event ld-page-change - The user chose another page: `detail {pageNumber, pageSize}` (from the pager).
 * @event ld-login-required - The server asked for credentials (from the status banner).
 *
 * @csspart base - The container.
 * @csspart header - The heading row.
 * @csspart heading - The "Devices" heading.
 * @csspart filter - The filter form.
 * @csspart filter-input - The Device ID prefix input.
 * @csspart filter-button - The Search button.
 * @csspart clear-button - The Clear button.
 * @csspart status - The loading / empty / error banner.
 * @csspart table - The data table.
 * @csspart pager - The paging tool.
 *
 * @cssproperty --ld-devices-table-gap - Space between the filter, table and pager.
 */
export class LdDevicesTable extends LdElement {
  static override styles = [baseStyles, buttonStyles, fieldStyles, licenseViewStyles, styles];

  /** Shows only devices whose Device ID starts with this text (matched by the server); empty shows all. */
  @property({ attribute: 'hostid-filter' })
  hostidFilter = '';

  /** Hides the filter form. */
  @property({ type: Boolean, attribute: 'hide-filter' })
  hideFilter = false;

  /** Records per page; when unset, the manager option from `<ld-provider>` (at most 100). */
  @property({ type: Number, attribute: 'page-size' })
  pageSize?: number;

  /** The page shown (1-based). */
  @property({ type: Number, attribute: 'page-number' })
  pageNumber = 1;

  /** Hides the view's own "Devices" heading (when the host page has one). */
  @property({ type: Boolean, attribute: 'hide-heading' })
  hideHeading = false;

  /** Moves focus to the heading once the first data is shown. */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  @state()
  private draft = '';

  @query('.heading')
  private headingElement?: HTMLElement;

  private focused = false;

  /** The page size in use. */
  get effectivePageSize(): number {
    return viewPageSize(this.pageSize, this.managerOptions.pageSize);
  }

  private list = new PagedList(this, {
    args: () => [this.client, this.hostidFilter] as const,
    list: ([client, filter], signal) => {
      if (!client) return undefined;
      const hostid = hostidPrefixFilter(filter);
      return client.devices.list(hostid ? { hostid } : {}, { signal });
    },
    pageNumber: () => this.pageNumber,
    pageSize: () => this.effectivePageSize,
  });

  /** Loads the current page again (after a device was dropped, for example). */
  reload(): void {
    this.list.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hostidFilter')) this.draft = this.hostidFilter;
  }

  protected override updated(): void {
    // A page past the end (devices were dropped meanwhile) moves to the last page instead of showing nothing.
    const page = this.list.status === TaskStatus.COMPLETE ? this.list.page : undefined;
    if (page && page.total > 0 && page.items.length === 0 && page.pageNumber > 1 && page.pageNumber === this.pageNumber) {
      this.pageNumber = Math.max(1, page.pageCount);
    }
    if (this.focusOnLoad && !this.focused && this.list.status === TaskStatus.COMPLETE) {
      this.focused = true;
      focusSoon(this.headingElement);
    }
  }

  protected override render() {
    const page = this.list.page;
    return html`<section part="base" class="base" aria-labelledby="heading" @ld-retry=${this.handleRetry}>
      <div part="header" class="header ${this.hideHeading ? 'visually-hidden' : ''}">
        <h2 part="heading" class="heading" id="heading" tabindex="-1">Devices</h2>
      </div>
      ${this.hideFilter ? nothing : this.renderFilter()}
      ${this.client
        ? listStatus(this.list, {
            part: 'status',
            emptyText: this.hostidFilter.trim()
              ? `No device ID starts with “${echoText(this.hostidFilter.trim().replace(/\*$/, ''))}”.`
              : 'The license server has not served any device yet.',
            loadingText: 'Loading devices…',
            operation: 'view the devices',
          })
        : html`<ld-status part="status" notice="No license server client is connected." variant="warning"></ld-status>`}
      ${page && page.total > 0
        ? pagedTable(page, {
            caption: 'Devices',
            columns: DEVICE_COLUMNS,
            loading: this.list.status === TaskStatus.PENDING,
            onSelect: this.handleSelect,
            pagerLabel: 'Device pages',
            noun: 'records',
            onPageChange: this.handlePageChange,
          })
        : nothing}
    </section>`;
  }

  private renderFilter() {
    return html`<form part="filter" class="search" role="search" aria-label="Filter devices" @submit=${this.handleFilter}>
      <div class="field">
        <label for="filter-input">Device ID starts with</label>
        <input
          part="filter-input"
          id="filter-input"
          name="hostid"
          type="search"
          autocomplete="off"
          spellcheck="false"
          .value=${live(this.draft)}
          @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
        />
      </div>
      <button part="filter-button" class="button primary" type="submit">Search</button>
      <button part="clear-button" class="button" type="button" @click=${this.handleClear}>Clear</button>
    </form>`;
  }

  private handleFilter = (event: SubmitEvent): void => {
    event.preventDefault();
    this.hostidFilter = this.draft.trim();
    this.pageNumber = 1;
  };

  private handleClear = (): void => {
    this.draft = '';
    this.hostidFilter = '';
    this.pageNumber = 1;
    this.renderRoot.querySelector<HTMLInputElement>('#filter-input')?.focus();
  };

  private handlePageChange = (event: LdPageChangeEvent): void => {
    this.pageNumber = event.detail.pageNumber;
  };

  private handleRetry = (event: Event): void => {
    event.stopPropagation();
    this.reload();
  };

  private handleSelect = (event: LdRowSelectEvent<Device>): void => {
    event.stopPropagation();
    const device = event.detail.row;
    this.dispatchEvent(
      new LdDeviceSelectEvent({ id: device.id, hostid: device.hostid.hostidValue, hostidType: device.hostid.hostidType }),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-devices-table': LdDevicesTable;
  }
}
