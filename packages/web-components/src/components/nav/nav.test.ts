import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import type { LdNavigateEvent } from '../../events/navigate.js';
import type { LdNav } from './nav.js';

const HREFS = {
  settings: '#/settings',
  about: '#/about',
  login: '#/login',
  properties: '#/properties',
  features: '#/features',
  pools: '#/pools',
  devices: '#/devices',
  reservations: '#/reservations',
  offline: '#/offline',
  'client-keys': '#/client-keys',
};

describe('<ld-nav>', () => {
  describe('properties', () => {
    it('groups the links as the manager lists its views', async () => {
      const el = await fixture<LdNav>(html`<ld-nav .hrefs=${HREFS} current="features"></ld-nav>`);
      const top = [...el.shadowRoot!.querySelectorAll('.lists > ul > li')].map(
        (li) => (li.querySelector('.group-label') ?? li.querySelector('a'))!.textContent!.trim(),
      );
      expect(top).toEqual([
        'License Manager Configuration',
        'License Server Setup',
        'Features',
        'Named License Pools',
        'Devices',
        'Reservations',
        'Back Office Operations',
      ]);
      const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => [a.textContent!.trim(), a.getAttribute('href')]);
      expect(links[0]).toEqual(['Settings', '#/settings']);
      expect(links.at(-1)).toEqual(['Client Key Operations', '#/client-keys']);
    });

    it('marks the current item with aria-current', async () => {
      const el = await fixture<LdNav>(html`<ld-nav .hrefs=${HREFS} current="properties"></ld-nav>`);
      const current = el.shadowRoot!.querySelectorAll('[aria-current="page"]');
      expect(current).toHaveLength(1);
      expect(current[0]!.textContent!.trim()).toBe('Properties');
    });

    it('leaves out items the host gives no href for', async () => {
      const el = await fixture<LdNav>(html`<ld-nav .hrefs=${{ about: '/about', features: '/features' }}></ld-nav>`);
      expect([...el.shadowRoot!.querySelectorAll('a')].map((a) => a.textContent!.trim())).toEqual(['About', 'Features']);
    });

    it('collapses behind a Menu button when narrow', async () => {
      const el = await fixture<LdNav>(html`<ld-nav narrow .hrefs=${HREFS}></ld-nav>`);
      const toggle = shadowQuery<HTMLButtonElement>(el, '[part~="toggle"]');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      expect(shadowQuery(el, '.lists').hidden).toBe(true);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(shadowQuery(el, '.lists').hidden).toBe(false);
      await expectNoAxeViolations(el);
    });
  });

  describe('events', () => {
    it('emits a cancelable ld-navigate so a single-page host can route', async () => {
      const el = await fixture<LdNav>(html`<ld-nav .hrefs=${HREFS}></ld-nav>`);
      const before = location.href;
      el.addEventListener('ld-navigate', (event) => event.preventDefault(), { once: true });
      const navigate = nextEvent<LdNavigateEvent>(document, 'ld-navigate');
      shadowQuery<HTMLAnchorElement>(el, 'a[data-id="devices"]').click();
      const event = await navigate;
      expect(event.detail).toEqual({ id: 'devices', href: '#/devices' });
      expect(event.defaultPrevented).toBe(true);
      expect(location.href).toBe(before);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const el = await fixture<LdNav>(html`<ld-nav .hrefs=${HREFS} current="about"></ld-nav>`);
      await expectNoAxeViolations(el);
    });
  });
});
