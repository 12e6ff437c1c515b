import { LitElement, html } from 'lit';
import { describe, expect, it } from 'vitest';
import { baseStyles, fieldStyles } from '../src/internal/styles.js';
import { fixture, shadowQuery } from './setup/fixture.js';

const TYPES = ['text', 'search', 'url', 'email', 'date', 'datetime-local', 'number'] as const;

/** A bare element with the shared field looks, one input of each type. */
class LdTestFields extends LitElement {
  static override styles = [baseStyles, fieldStyles];
  override render() {
    return TYPES.map((type) => html`<div class="field"><label for=${type}>${type}</label><input id=${type} type=${type} /></div>`);
  }
}
customElements.define('ld-test-fields', LdTestFields);

describe('shared field styles', () => {
  it("give search, url, date and other inputs the text inputs' border, padding and height", async () => {
    const el = await fixture<LdTestFields>(html`<ld-test-fields></ld-test-fields>`);
    const text = getComputedStyle(shadowQuery(el, '#text'));
    const textHeight = shadowQuery(el, '#text').getBoundingClientRect().height;
    for (const type of TYPES) {
      const input = shadowQuery(el, `#${type}`);
      const style = getComputedStyle(input);
      expect(style.borderTopColor, type).toBe(text.borderTopColor);
      expect(style.borderRadius, type).toBe(text.borderRadius);
      expect(style.paddingLeft, type).toBe(text.paddingLeft);
      expect(input.getBoundingClientRect().height, type).toBeCloseTo(textHeight, 0);
    }
  });
});
