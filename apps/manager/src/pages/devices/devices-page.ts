import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/data-table';
import '@licensedesk/web-components/define/pager';
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/devices-table';
import type { LdDevicesTable, LdDeviceSelectEvent, LdPageChangeEvent } from '@licensedesk/web-components';
import { definePage, PageElement } from '../page-element.js';

/** Devices: the served client devices, paged; a row opens Device Details. */
class DevicesPage extends PageElement {
  protected override render() {
    const page = Number(this.query.get('page') ?? '1');
    return html`<ld-devices-table
      ?focus-on-load=${this.focusOnLoad}
      .hostidFilter=${this.query.get('hostid') ?? ''}
      .pageNumber=${Number.isInteger(page) && page > 0 ? page : 1}
      @ld-device-select=${this.handleSelect}
      @ld-page-change=${this.handlePageChange}
    ></ld-devices-table>`;
  }

  override refresh(): void {
    this.querySelector<LdDevicesTable>('ld-devices-table')?.reload();
  }

  private handleSelect = (event: LdDeviceSelectEvent): void => {
    this.app.navigate(`/devices/${event.detail.id}`);
  };

  private handlePageChange = (event: LdPageChangeEvent): void => {
    const url = new URL(location.href);
    url.searchParams.set('page', String(event.detail.pageNumber));
    history.replaceState(history.state, '', url);
  };
}

export const tag = 'ldm-devices-page';
definePage(tag, DevicesPage);
