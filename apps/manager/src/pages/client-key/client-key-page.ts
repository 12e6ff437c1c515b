import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/client-key';
import { definePage, PageElement } from '../page-element.js';

/** Client Key Operations: the client-side RSA public key held by the server. */
class ClientKeyPage extends PageElement {
  protected override render() {
    return html`<ld-client-key></ld-client-key>`;
  }
}

export const tag = 'ldm-client-key-page';
definePage(tag, ClientKeyPage);
