import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/offline-updates';
import { definePage, PageElement } from '../page-element.js';

/**
 * Offline Server Updates: request files to download and the back office's response to upload.
 * The response goes as a multipart form (field `file`), as the vendor's manager sends it.
 */
class OfflinePage extends PageElement {
  protected override render() {
    return html`<ld-offline-updates multipart></ld-offline-updates>`;
  }
}

export const tag = 'ldm-offline-page';
definePage(tag, OfflinePage);
