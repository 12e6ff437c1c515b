import { html, nothing } from 'lit';
import '@licensedesk/web-components/define/login-form';
import '@licensedesk/web-components/define/status';
import { isInsecureLicenseServer } from '../../data/manager-api.js';
import { definePage, PageElement } from '../page-element.js';

/** Only paths of this site may be returned to after logging in. */
function safeReturnPath(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value.startsWith('/login') ? null : value;
}

/** Login (and the forced password change); returns to the view that asked for it. */
class LoginPage extends PageElement {
  protected override render() {
    const settings = this.app.settings;
    const next = safeReturnPath(this.query.get('next'));
    return html`${next
        ? html`<ld-status class="ldm-page-notice" notice="Log in to continue to ${next}."></ld-status>`
        : nothing}
      ${settings && isInsecureLicenseServer(settings)
        ? html`<ld-status
            class="ldm-insecure"
            variant="warning"
            notice=${`Not encrypted: the manager sends your user name and password to the license server at ${settings.licenseServerUrl} over plain http. Turn on Connect Using HTTPS in Settings for a license server on another machine.`}
          ></ld-status>`
        : nothing}
      <ld-login-form ?focus-on-load=${this.focusOnLoad} @ld-login=${this.handleLogin}></ld-login-form>`;
  }

  private handleLogin = (): void => {
    // Back to the view that sent the user here, else to About: the form's own "Logged in" step
    // is no place to stay.
    const next = safeReturnPath(this.query.get('next'));
    this.app.navigate(next ?? '/about', { replace: true });
  };
}

export const tag = 'ldm-login-page';
definePage(tag, LoginPage);
