import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/data-table';
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/device-details';
import { definePage, PageElement } from '../page-element.js';

/** Device Details with its consumed features, and Drop Device where Settings allow it. */
class DeviceDetailsPage extends PageElement {
  protected override render() {
    return html`<ld-device-details
      ?focus-on-load=${this.focusOnLoad}
      .deviceId=${Number(this.params.id)}
      @ld-back=${this.handleBack}
    ></ld-device-details>`;
  }

  private handleBack = (): void => {
    this.app.back('/devices');
  };
}

export const tag = 'ldm-device-details-page';
definePage(tag, DeviceDetailsPage);
