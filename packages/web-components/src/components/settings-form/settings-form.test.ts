import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from '@vitest/browser/context';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import type { LdSettingsSaveEvent, ManagerSettings } from '../../events/settings-save.js';
import type { LdSettingsForm } from './settings-form.js';

const SETTINGS: ManagerSettings = { pageSize: 25, host: 'localhost', port: 7070, https: false, allowDeviceDrop: false };

function field(el: LdSettingsForm, name: string): HTMLInputElement {
  return shadowQuery<HTMLInputElement>(el, `input[name="${name}"]`);
}

async function typeInto(input: HTMLInputElement, text: string) {
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
}

function save(el: LdSettingsForm) {
  shadowQuery<HTMLButtonElement>(el, '[part~="save-button"]').click();
}

describe('<ld-settings-form>', () => {
  it('wraps a long server error next to Save and keeps every input inside the card', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 20rem">
      <ld-settings-form .settings=${SETTINGS} state="error" .message=${'x'.repeat(3_000)}></ld-settings-form>
    </div>`);
    const el = wrapper.querySelector<LdSettingsForm>('ld-settings-form')!;
    await el.updateComplete;
    const card = shadowQuery(el, 'form').getBoundingClientRect();
    expect(card.right).toBeLessThanOrEqual(wrapper.getBoundingClientRect().right + 1);
    const parts = [...el.shadowRoot!.querySelectorAll<HTMLElement>('input[type="text"], [part~="result"], [part~="save-button"]')];
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.getBoundingClientRect().right, part.outerHTML.slice(0, 60)).toBeLessThanOrEqual(card.right + 0.5);
  });

  describe('properties', () => {
    it('shows the settings given, with the default port 7070', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      expect(field(el, 'pageSize').value).toBe('25');
      expect(field(el, 'host').value).toBe('localhost');
      expect(field(el, 'port').value).toBe('7070');
      expect(el.shadowRoot!.querySelectorAll('[part~="info-button"]')).toHaveLength(5);
    });

    it('explains an lmgrd port@host address (C15)', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      const spy = vi.fn();
      el.addEventListener('ld-settings-save', spy);
      await typeInto(field(el, 'host'), '8224@licsrv');
      save(el);
      await el.updateComplete;
      const error = shadowQuery(el, '[part~="error"]').textContent!;
      expect(error).toContain('lmgrd');
      expect(error).toContain('licsrv');
      expect(spy).not.toHaveBeenCalled();
      expect(el.shadowRoot!.activeElement).toBe(field(el, 'host'));
      await expectNoAxeViolations(el);
    });

    it('splits a pasted URL into host, port and HTTPS', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      await typeInto(field(el, 'host'), 'https://licsrv.example.com:8443');
      field(el, 'host').dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(field(el, 'host').value).toBe('licsrv.example.com');
      expect(field(el, 'port').value).toBe('8443');
      const saved = nextEvent<LdSettingsSaveEvent>(el, 'ld-settings-save');
      save(el);
      expect((await saved).detail.settings).toEqual({ ...SETTINGS, host: 'licsrv.example.com', port: 8443, https: true });
    });

    it('accepts page sizes from 5 to 500, as the manager server does', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      for (const [text, valid] of [['4', false], ['1', false], ['5', true], ['500', true], ['501', false]] as const) {
        await typeInto(field(el, 'pageSize'), text);
        save(el);
        await el.updateComplete;
        expect(field(el, 'pageSize').getAttribute('aria-invalid'), text).toBe(valid ? 'false' : 'true');
        if (!valid) expect(shadowQuery(el, '[part~="error"]').textContent).toContain('from 5 to 500');
      }
    });

    it('validates the page size and port and focuses the first invalid field', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      await typeInto(field(el, 'pageSize'), '0');
      await typeInto(field(el, 'port'), '70000');
      save(el);
      await el.updateComplete;
      expect(field(el, 'pageSize').getAttribute('aria-invalid')).toBe('true');
      expect(field(el, 'port').getAttribute('aria-invalid')).toBe('true');
      expect(el.shadowRoot!.activeElement).toBe(field(el, 'pageSize'));
    });

    it('warns before credentials would go over http to another machine (C19)', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      expect(el.shadowRoot!.querySelector('[part~="warning"]')).toBeNull();
      await typeInto(field(el, 'host'), '10.0.0.5');
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="warning"]').textContent).toContain('unencrypted');
      shadowQuery<HTMLInputElement>(el, 'fieldset input[value="yes"]').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="warning"]')).toBeNull();
    });

    it('shows the saved and error states set by the host', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      el.state = 'saved';
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="result"]').textContent).toContain('Settings saved.');
      el.state = 'error';
      el.message = 'disk full';
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="result"]').textContent).toContain('disk full');
      await expectNoAxeViolations(el);
    });

    it('opens an info tip for each field', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      const button = shadowQuery<HTMLButtonElement>(el, '[part~="info-button"]');
      const tip = shadowQuery(el, `#${button.getAttribute('aria-controls')}`);
      expect(tip.hidden).toBe(true);
      button.click();
      await el.updateComplete;
      expect(tip.hidden).toBe(false);
      expect(button.getAttribute('aria-expanded')).toBe('true');
    });
  });

  describe('events', () => {
    it('emits ld-settings-save with the settings', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      await typeInto(field(el, 'pageSize'), '50');
      shadowQuery<HTMLInputElement>(el, 'fieldset:last-of-type input[value="yes"]').click();
      const saved = nextEvent<LdSettingsSaveEvent>(document, 'ld-settings-save');
      save(el);
      expect((await saved).detail.settings).toEqual({ ...SETTINGS, pageSize: 50, allowDeviceDrop: true });
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const el = await fixture<LdSettingsForm>(html`<ld-settings-form .settings=${SETTINGS}></ld-settings-form>`);
      await expectNoAxeViolations(el);
    });
  });
});
