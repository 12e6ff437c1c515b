import '../themes/default.css';
import { LitElement, html } from 'lit';
import { userEvent } from '@vitest/browser/context';
import { describe, expect, it } from 'vitest';
import { baseStyles, buttonStyles } from '../src/internal/styles.js';
import { fixture, shadowQuery } from './setup/fixture.js';

/** A bare element with the shared button looks, so the test checks styles.ts alone. */
class LdTestButtons extends LitElement {
  static override styles = [baseStyles, buttonStyles];
  override render() {
    return html`<button class="button primary" type="button">Save</button>
      <button class="button danger" type="button">Delete</button>
      <button class="button" type="button">Cancel</button>`;
  }
}
customElements.define('ld-test-buttons', LdTestButtons);

async function hovered(theme: 'light' | 'dark', selector: string) {
  const wrapper = await fixture<HTMLElement>(html`<div data-theme=${theme}><ld-test-buttons></ld-test-buttons></div>`);
  const el = wrapper.querySelector('ld-test-buttons')!;
  await (el as LdTestButtons).updateComplete;
  const button = shadowQuery<HTMLButtonElement>(el, selector);
  const before = getComputedStyle(button).backgroundColor;
  await userEvent.hover(button);
  expect(button.matches(':hover')).toBe(true);
  const style = getComputedStyle(button);
  return { before, background: style.backgroundColor, color: style.color };
}

describe('shared button styles', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`keep a hovered primary button readable (${theme})`, async () => {
      const { before, background, color } = await hovered(theme, '.button.primary');
      expect(background).not.toBe(color);
      // Still an accent fill, not the plain buttons' surface colour.
      expect(background).not.toBe(getComputedStyle(document.body).getPropertyValue('--ld-color-surface-alt'));
      expect(background).not.toBe('rgb(246, 248, 250)');
      expect(background).not.toBe('rgb(33, 38, 45)');
      expect(background).not.toBe(before);
    });

    it(`keep a hovered danger button readable (${theme})`, async () => {
      const { background, color } = await hovered(theme, '.button.danger');
      expect(background).not.toBe(color);
      expect(color).toBe(theme === 'light' ? 'rgb(179, 38, 30)' : 'rgb(255, 123, 114)');
    });
  }
});
