import { html } from 'lit';
import { live } from 'lit/directives/live.js';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/data-table';
import '@licensedesk/web-components/define/pager';
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/devices-table';
import type { LdDevicesTable, LdDeviceSelectEvent } from '@licensedesk/web-components';
import { definePage, PageElement } from '../page-element.js';

/** Devices: the served client devices, paged; a row opens Device Details. */
class DevicesPage extends PageElement {
  protected override render() {
    const page = Number(this.query.get('page') ?? '1');
    return html`<ld-devices-table
      ?focus-on-load=${this.focusOnLoad}
      .hostidFilter=${live(this.query.get('hostid') ?? '')}
      .pageNumber=${live(Number.isInteger(page) && page > 0 ? page : 1)}
      @ld-device-select=${this.handleSelect}
    ></ld-devices-table>`;
  }

  constructor() {
    super();
    this.trackQuery();
  }

  protected override stateElement(): LdDevicesTable | null {
    return this.querySelector<LdDevicesTable>('ld-devices-table');
  }

  /** `?hostid=<filter>` and `?page=<n>`, each only when not the default. */
  protected override currentQuery(): URLSearchParams | null {
    const table = this.stateElement();
    if (!table) return null;
    const query = new URLSearchParams();
    if (table.hostidFilter) query.set('hostid', table.hostidFilter);
    if (table.pageNumber > 1) query.set('page', String(table.pageNumber));
    return query;
  }

  override refresh(): void {
    this.querySelector<LdDevicesTable>('ld-devices-table')?.reload();
  }

  private handleSelect = (event: LdDeviceSelectEvent): void => {
    this.app.navigate(`/devices/${event.detail.id}`);
  };
}

export const tag = 'ldm-devices-page';
definePage(tag, DevicesPage);
