import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import type { LdLoginRequiredEvent } from '../../events/auth.js';
import type { LdStatus } from './status.js';

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<ld-status>', () => {
  describe('properties', () => {
    it('renders nothing when there is nothing to say', async () => {
      const el = await fixture<LdStatus>(html`<ld-status></ld-status>`);
      expect(text(el)).toBe('');
    });

    it('shows the loading state as a live status', async () => {
      const el = await fixture<LdStatus>(html`<ld-status loading loading-text="Loading features…"></ld-status>`);
      const status = shadowQuery(el, '[role="status"]');
      expect(status.textContent).toContain('Loading features…');
      await expectNoAxeViolations(el);
    });

    it('shows the empty state', async () => {
      const el = await fixture<LdStatus>(html`<ld-status empty empty-text="No devices yet."></ld-status>`);
      expect(text(el)).toContain('No devices yet.');
      await expectNoAxeViolations(el);
    });

    it('says "License server unreachable" with the address tried', async () => {
      const { unreachableUrl } = licenseServer();
      const client = await createTestClient({ as: null, server: unreachableUrl });
      const error = await caught(client.health.get());
      const el = await fixture<LdStatus>(html`<ld-status .error=${error} retryable></ld-status>`);
      expect(text(el)).toContain('License server unreachable');
      expect(text(el)).toContain(unreachableUrl);
      expect(shadowQuery(el, '[part~="retry-button"]')).toBeTruthy();
      await expectNoAxeViolations(el);
    });

    it('says "Access denied" with what was denied for a 403', async () => {
      const reader = await createTestClient({ as: 'reader' });
      const error = await caught(reader.settings.update({ 'logging.threshold': 'DEBUG' }));
      const el = await fixture<LdStatus>(html`<ld-status .error=${error} operation="change the properties"></ld-status>`);
      expect(text(el)).toContain('Access denied');
      expect(text(el)).toContain('change the properties');
      expect(shadowQuery(el, '[role="alert"]').dataset.kind).toBe('forbidden');
      await expectNoAxeViolations(el);
    });

    it('shows the server message and error key for other errors', async () => {
      const admin = await createTestClient();
      const error = await caught(admin.settings.update({ 'logging.maxHistory': 'many' as unknown as number }));
      const el = await fixture<LdStatus>(html`<ld-status .error=${error}></ld-status>`);
      expect(shadowQuery(el, '[part~="key"]').textContent).toMatch(/glsErr\.\w+/);
      expect(shadowQuery(el, '[part~="details"]').textContent).toContain('logging.maxHistory');
    });

    it('renders values as text, never as HTML', async () => {
      const error = Object.assign(new Error('<img src=x onerror="window.__ldPwned=1">'), { status: 500, key: 'glsErr.<b>x</b>' });
      const el = await fixture<LdStatus>(html`<ld-status .error=${error}></ld-status>`);
      expect(el.shadowRoot!.querySelector('img, b')).toBeNull();
      expect(text(el)).toContain('<img src=x');
      expect((window as { __ldPwned?: number }).__ldPwned).toBeUndefined();
    });

    it('never shows a raw exception for a programming error', async () => {
      const el = await fixture<LdStatus>(html`<ld-status .error=${new TypeError('x is undefined')}></ld-status>`);
      expect(text(el)).toContain('Something went wrong');
      expect(text(el)).not.toContain('TypeError');
    });
  });

  describe('events', () => {
    it('prompts for login on a 401 and emits ld-login-required', async () => {
      const anonymous = await createTestClient({ as: null });
      const error = await caught(anonymous.features.list().getPage(1, 10));
      const el = await fixture<LdStatus>(html`<ld-status .error=${error} operation="view the features"></ld-status>`);
      expect(text(el)).toContain('Login required');
      const button = shadowQuery<HTMLButtonElement>(el, '[part~="login-button"]');
      const clicked = nextEvent<LdLoginRequiredEvent>(document, 'ld-login-required');
      button.click();
      const event = await clicked;
      expect(event.detail).toEqual({ reason: 'user', operation: 'view the features' });
      expect(event.composed).toBe(true);
      await expectNoAxeViolations(el);
    });

    it('emits ld-login-required once by itself when a 401 is shown', async () => {
      const anonymous = await createTestClient({ as: null });
      const error = await caught(anonymous.settings.list());
      const seen: LdLoginRequiredEvent[] = [];
      const listener = (event: Event) => seen.push(event as LdLoginRequiredEvent);
      document.addEventListener('ld-login-required', listener);
      const el = await fixture<LdStatus>(html`<ld-status .error=${error}></ld-status>`);
      el.requestUpdate();
      await el.updateComplete;
      document.removeEventListener('ld-login-required', listener);
      expect(seen.map((e) => e.detail.reason)).toEqual(['unauthorized']);
    });

    it('emits ld-retry from the Try again button', async () => {
      const client = await createTestClient({ as: null, server: licenseServer().unreachableUrl });
      const error = await caught(client.health.get());
      const el = await fixture<LdStatus>(html`<ld-status .error=${error} retryable></ld-status>`);
      const retry = nextEvent(el, 'ld-retry');
      shadowQuery<HTMLButtonElement>(el, '[part~="retry-button"]').click();
      await expect(retry).resolves.toBeInstanceOf(Event);
    });
  });
});
