import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/data-table';
import '@licensedesk/web-components/define/pager';
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/reservation-form';
import '@licensedesk/web-components/define/reservations-import';
import '@licensedesk/web-components/define/code-view';
import '@licensedesk/web-components/define/reservations-view';
import { definePage, PageElement } from '../page-element.js';

/** Reservations: the table, add, edit, delete, import and export. */
class ReservationsPage extends PageElement {
  protected override render() {
    return html`<ld-reservations-view pools-href="/pools?tab=model"></ld-reservations-view>`;
  }
}

export const tag = 'ldm-reservations-page';
definePage(tag, ReservationsPage);
