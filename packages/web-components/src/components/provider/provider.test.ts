import { LitElement, html } from 'lit';
import { consume } from '@lit/context';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from '@vitest/browser/context';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent } from '../../../test/setup/fixture.js';
import { clientContext } from '../../context/client-context.js';
import { managerOptionsContext, type ManagerOptions } from '../../context/manager-options-context.js';
import type { LdAuthChangeEvent } from '../../events/auth.js';
import type { LicenseServerClient } from '../../internal/sdk.js';
import type { LdProvider } from './provider.js';

/** A consumer that reads what the provider gives. */
class LdTestConsumer extends LitElement {
  @consume({ context: clientContext, subscribe: true }) client?: LicenseServerClient;
  @consume({ context: managerOptionsContext, subscribe: true }) options?: ManagerOptions;
}
if (!customElements.get('ld-test-consumer')) customElements.define('ld-test-consumer', LdTestConsumer);

describe('<ld-provider>', () => {
  describe('properties', () => {
    it('gives the client, page size and device drop option to elements inside', async () => {
      const client = await createTestClient();
      const el = await fixture<LdProvider>(
        html`<ld-provider .client=${client} page-size="50" allow-device-drop><ld-test-consumer></ld-test-consumer></ld-provider>`,
      );
      const consumer = el.querySelector<LdTestConsumer>('ld-test-consumer')!;
      expect(consumer.client).toBe(client);
      expect(consumer.options).toEqual({ pageSize: 50, allowDeviceDrop: true });
      el.pageSize = 10;
      await el.updateComplete;
      expect(consumer.options).toEqual({ pageSize: 10, allowDeviceDrop: true });
      expect(el.user?.user).toBe(licenseServer().admin.user);
    });

    it('reaches elements in shadow roots below it, such as the about panel', async () => {
      const client = await createTestClient({ as: null });
      const el = await fixture<LdProvider>(html`<ld-provider .client=${client}><ld-about-panel></ld-about-panel></ld-provider>`);
      const about = el.querySelector('ld-about-panel')!;
      await vi.waitFor(() => expect(about.shadowRoot!.querySelector('[part~="server-status"]')).not.toBeNull());
      await expectNoAxeViolations(el);
    });
  });

  describe('events', () => {
    it('re-dispatches the sign-in state after a login inside it', async () => {
      const client = await createTestClient({ as: null });
      const { admin } = licenseServer();
      const el = await fixture<LdProvider>(html`<ld-provider .client=${client}><ld-login-form></ld-login-form></ld-provider>`);
      const form = el.querySelector('ld-login-form')!;
      await form.updateComplete;
      const changed = nextEvent<LdAuthChangeEvent>(el, 'ld-auth-change');
      await userEvent.type(form.querySelector('input[autocomplete="username"]')!, admin.user);
      await userEvent.type(form.querySelector('input[autocomplete="current-password"]')!, `${admin.password}{Enter}`);
      const event = await changed;
      expect(event.detail.reason).toBe('login');
      expect(event.detail.user?.roles).toContain('ROLE_ADMIN');

      const out = nextEvent<LdAuthChangeEvent>(el, 'ld-auth-change');
      await el.logout();
      expect((await out).detail).toEqual({ user: null, reason: 'logout' });
      expect(client.session).toBeNull();
    });

    it('reports a sign-out when the client loses its session', async () => {
      const client = await createTestClient();
      const el = await fixture<LdProvider>(html`<ld-provider .client=${client}><ld-properties-editor></ld-properties-editor></ld-provider>`);
      const editor = el.querySelector('ld-properties-editor')!;
      await vi.waitFor(() => expect(editor.shadowRoot!.querySelector('[part~="group"]')).not.toBeNull());
      const changed = nextEvent<LdAuthChangeEvent>(el, 'ld-auth-change');
      await client.logout();
      expect((await changed).detail.user).toBeNull();
    });
  });
});
