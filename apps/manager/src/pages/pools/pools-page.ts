import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/data-table';
import '@licensedesk/web-components/define/pager';
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/model-editor';
import '@licensedesk/web-components/define/code-view';
import '@licensedesk/web-components/define/pools-view';
import { definePage, PageElement } from '../page-element.js';

/** Named License Pools: the Pools tab and the Model tab (the model definition). */
class PoolsPage extends PageElement {
  protected override render() {
    return html`<ld-pools-view
      .tab=${this.query.get('tab') === 'model' ? 'model' : 'pools'}
      reservations-href="/reservations"
    ></ld-pools-view>`;
  }
}

export const tag = 'ldm-pools-page';
definePage(tag, PoolsPage);
