import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/properties-editor';
import { definePage, PageElement } from '../page-element.js';

/** License Server Properties: the server's policy settings. */
class PropertiesPage extends PageElement {
  protected override render() {
    return html`<ld-properties-editor ?focus-on-load=${this.focusOnLoad}></ld-properties-editor>`;
  }
}

export const tag = 'ldm-properties-page';
definePage(tag, PropertiesPage);
