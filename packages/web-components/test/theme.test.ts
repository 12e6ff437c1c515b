import '../themes/default.css';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fixture } from './setup/fixture.js';

const COLUMNS = [
  { key: 'name', header: 'Feature' },
  { key: 'vendor', header: 'Vendor String', truncate: 10 },
];
const ROWS = [{ id: 1, name: 'f1', vendor: 'a long vendor string' }];

function page(theme: 'light' | 'dark') {
  return fixture<HTMLElement>(html`<div
    data-theme=${theme}
    style="background: var(--ld-color-surface); color: var(--ld-color-text); padding: 1rem"
  >
    <ld-nav .hrefs=${{ about: '#about', features: '#features' }} current="about"></ld-nav>
    <ld-data-table caption="Features" .columns=${COLUMNS} .rows=${ROWS}></ld-data-table>
    <ld-pager total="100" page-size="10" page-number="3"></ld-pager>
    <ld-status notice="Saved." variant="success"></ld-status>
    <ld-settings-form></ld-settings-form>
    <ld-login-form></ld-login-form>
  </div>`);
}

describe('themes/default.css', () => {
  it('gives light tokens by default and dark ones with data-theme="dark"', async () => {
    const light = await page('light');
    const dark = await page('dark');
    const surface = (el: Element) => getComputedStyle(el).getPropertyValue('--ld-color-surface').trim();
    expect(surface(light)).toBe('#ffffff');
    expect(surface(dark)).toBe('#161b22');
  });

  it('keeps the elements free of axe violations (contrast included) in light and dark', async () => {
    await expectNoAxeViolations(await page('light'));
    await expectNoAxeViolations(await page('dark'));
  });
});
