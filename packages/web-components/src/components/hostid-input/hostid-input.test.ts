import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from '@vitest/browser/context';
import { expectNoAxeViolations, fixture, shadowQuery } from '../../../test/setup/fixture.js';
import type { LdHostIdInput } from './hostid-input.js';

async function form(disabled = true) {
  const el = await fixture<HTMLFormElement>(html`<form>
    <fieldset ?disabled=${disabled}>
      <ld-hostid-input name="hostid" value="AA11BB22CC33"></ld-hostid-input>
    </fieldset>
    <button type="submit">Save</button>
  </form>`);
  const input = el.querySelector<LdHostIdInput>('ld-hostid-input')!;
  await input.updateComplete;
  return { form: el, fieldset: el.querySelector('fieldset')!, input };
}

describe('<ld-hostid-input>', () => {
  describe('properties', () => {
    it('leaves its value out of FormData while a surrounding fieldset is disabled (C32)', async () => {
      const { form: f, fieldset, input } = await form(true);
      expect(new FormData(f).has('hostid')).toBe(false);
      expect(shadowQuery<HTMLInputElement>(input, 'input').disabled).toBe(true);
      fieldset.disabled = false;
      await input.updateComplete;
      expect(new FormData(f).get('hostid')).toBe('AA11BB22CC33');
      expect(new FormData(f).get('hostid-type')).toBe('ETHERNET');
      expect(shadowQuery<HTMLInputElement>(input, 'input').disabled).toBe(false);
    });

    it('validates the ETHERNET format and blocks submission while invalid', async () => {
      const { form: f, input } = await form(false);
      input.value = 'not-a-mac';
      await input.updateComplete;
      expect(input.validity.valid).toBe(false);
      expect(input.validationMessage).toContain('12 hexadecimal digits');
      expect(f.checkValidity()).toBe(false);
      input.value = 'aa:11:bb:22:cc:33';
      await input.updateComplete;
      expect(input.validity.valid).toBe(true);
    });

    it('reports a missing value when required', async () => {
      const el = await fixture<LdHostIdInput>(html`<ld-hostid-input name="h" required></ld-hostid-input>`);
      expect(el.validity.valueMissing).toBe(true);
    });

    it('goes back to its attributes on form reset', async () => {
      const { form: f, input } = await form(false);
      input.value = '001122334455';
      input.type = 'STRING';
      await input.updateComplete;
      f.reset();
      await input.updateComplete;
      expect(input.value).toBe('AA11BB22CC33');
      expect(input.type).toBe('ETHERNET');
    });

    it('restores value and type from saved form state', async () => {
      const el = await fixture<LdHostIdInput>(html`<ld-hostid-input name="h"></ld-hostid-input>`);
      el.formStateRestoreCallback(JSON.stringify({ value: 'user1', type: 'USER' }));
      await el.updateComplete;
      expect([el.value, el.type]).toEqual(['user1', 'USER']);
    });
  });

  describe('events', () => {
    it('submits the form on Enter', async () => {
      const { form: f, input } = await form(false);
      const submitted = vi.fn((event: SubmitEvent) => event.preventDefault());
      f.addEventListener('submit', submitted);
      shadowQuery<HTMLInputElement>(input, 'input').focus();
      await userEvent.keyboard('{Enter}');
      expect(submitted).toHaveBeenCalledTimes(1);
      expect(new FormData(f).get('hostid')).toBe('AA11BB22CC33');
    });

    it('updates the value as the user types and fires change', async () => {
      const { input } = await form(false);
      const changed = vi.fn();
      input.addEventListener('change', changed);
      const inner = shadowQuery<HTMLInputElement>(input, 'input');
      await userEvent.clear(inner);
      await userEvent.type(inner, '0242AC110002');
      inner.blur();
      expect(input.value).toBe('0242AC110002');
      expect(changed).toHaveBeenCalled();
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const { form: f } = await form(false);
      await expectNoAxeViolations(f);
    });
  });
});
