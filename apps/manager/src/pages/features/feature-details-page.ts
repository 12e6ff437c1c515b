import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/data-table';
import '@licensedesk/web-components/define/pager';
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/feature-details';
import type { LdDeviceSelectEvent } from '@licensedesk/web-components';
import { definePage, PageElement } from '../page-element.js';

/** Feature Details with its served devices; a device row opens Device Details. */
class FeatureDetailsPage extends PageElement {
  protected override render() {
    return html`<ld-feature-details
      ?focus-on-load=${this.focusOnLoad}
      .featureId=${Number(this.params.id)}
      @ld-back=${this.handleBack}
      @ld-device-select=${this.handleDevice}
    ></ld-feature-details>`;
  }

  private handleBack = (): void => {
    this.app.back('/features');
  };

  private handleDevice = (event: LdDeviceSelectEvent): void => {
    this.app.navigate(`/devices/${event.detail.id}`);
  };
}

export const tag = 'ldm-feature-details-page';
definePage(tag, FeatureDetailsPage);
