import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, shadowQuery } from '../../../test/setup/fixture.js';
import type { LdAboutPanel } from './about-panel.js';

const BUILD = { name: 'LicenseDesk manager', version: '0.1.0', commit: 'abc1234', buildDate: '2026-12-03' };

function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

describe('<ld-about-panel>', () => {
  describe('properties', () => {
    it('shows the manager build, the server version and status, and the browser', async () => {
      const client = await createTestClient({ as: null });
      const health = (await client.health.get()).LLS;
      const el = await fixture<LdAboutPanel>(html`<ld-about-panel .client=${client} .buildInfo=${BUILD}></ld-about-panel>`);
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="server-status"]')).not.toBeNull());
      const manager = shadowQuery(el, '[part~="manager"]').textContent!.replace(/\s+/g, ' ');
      expect(manager).toContain('0.1.0');
      expect(manager).toContain('abc1234');
      const server = shadowQuery(el, '[part~="server"]').textContent!.replace(/\s+/g, ' ');
      expect(server).toContain(health.version);
      expect(server).toContain(health.serverInstanceID);
      expect(shadowQuery(el, '[part~="server-status"]').textContent).toBe(health.status);
      expect(shadowQuery(el, '[part~="browser"]').textContent).toContain(navigator.userAgent);
      await expectNoAxeViolations(el);
    });

    it('shows the unreachable state with the address tried, and the rest still', async () => {
      const { unreachableUrl } = licenseServer();
      const client = await createTestClient({ as: null, server: unreachableUrl });
      const el = await fixture<LdAboutPanel>(html`<ld-about-panel .client=${client} .buildInfo=${BUILD}></ld-about-panel>`);
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('ld-status')?.shadowRoot?.textContent).toContain('unreachable'));
      const status = el.shadowRoot!.querySelector('ld-status')!;
      expect(text(status)).toContain(unreachableUrl);
      expect(shadowQuery(el, '[part~="manager"]').textContent).toContain('0.1.0');
      expect(shadowQuery(el, '[part~="browser"]').textContent).toContain('User agent');
      await expectNoAxeViolations(el);
    });

    it('shows the license server address given by server-address, else the client address', async () => {
      const client = await createTestClient({ as: null });
      const address = (el: LdAboutPanel) =>
        [...el.shadowRoot!.querySelectorAll('[part~="server"] dt')].find((dt) => dt.textContent === 'Address')?.nextElementSibling?.textContent;
      const own = await fixture<LdAboutPanel>(html`<ld-about-panel .client=${client}></ld-about-panel>`);
      await vi.waitFor(() => expect(address(own)).toBe(client.baseUrl));
      // Behind the manager's relay, the client talks to the manager: the host names the license server.
      const relayed = await fixture<LdAboutPanel>(
        html`<ld-about-panel .client=${client} server-address="https://licenses.example.com:7071"></ld-about-panel>`,
      );
      await vi.waitFor(() => expect(address(relayed)).toBe('https://licenses.example.com:7071'));
      expect(shadowQuery(relayed, '[part~="server"]').textContent).not.toContain(client.baseUrl);
      relayed.serverAddress = '';
      await relayed.updateComplete;
      expect(address(relayed)).toBe(client.baseUrl);
    });

    it('says so when no server is configured', async () => {
      const el = await fixture<LdAboutPanel>(html`<ld-about-panel .buildInfo=${BUILD}></ld-about-panel>`);
      expect(text(el.shadowRoot!.querySelector('ld-status')!)).toContain('No license server is configured');
    });

    it('focuses its heading when asked to on load', async () => {
      const client = await createTestClient({ as: null });
      const el = await fixture<LdAboutPanel>(html`<ld-about-panel focus-on-load .client=${client}></ld-about-panel>`);
      await vi.waitFor(() => expect(el.shadowRoot!.activeElement?.localName).toBe('h2'));
    });
  });

  describe('events', () => {
    it('reads the status again after "Try again"', async () => {
      const client = await createTestClient({ as: null, server: licenseServer().unreachableUrl });
      const el = await fixture<LdAboutPanel>(html`<ld-about-panel .client=${client}></ld-about-panel>`);
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('ld-status')?.shadowRoot?.querySelector('[part~="retry-button"]')).toBeTruthy());
      const run = vi.spyOn(el.health, 'run');
      el.shadowRoot!.querySelector('ld-status')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      expect(run).toHaveBeenCalledTimes(1);
    });
  });
});
