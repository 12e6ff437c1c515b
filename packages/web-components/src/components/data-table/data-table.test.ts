import { LitElement, html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from '@vitest/browser/context';
import { createTestClient } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import type { LdCopyEvent } from '../../events/copy.js';
import type { LdRowSelectEvent } from '../../events/row-select.js';
import type { LdColumn, LdDataTable } from './data-table.js';

interface Row {
  id: number;
  name: string;
  version: string;
  count: number;
  vendor: string;
}

const COLUMNS: LdColumn<Row>[] = [
  { key: 'name', header: 'Feature' },
  { key: 'version', header: 'Version' },
  { key: 'count', header: 'Count', align: 'end' },
  { key: 'vendor', header: 'Vendor String', truncate: 30 },
];

const ROWS: Row[] = [
  { id: 1, name: 'f1', version: '1.10', count: 5, vendor: 'short' },
  { id: 2, name: 'f2', version: '1.9', count: 2, vendor: 'x'.repeat(2000) },
  { id: 3, name: 'f3', version: '2.0', count: 10, vendor: 'literal \\u0020 text that goes on for long enough' },
];

function table(rows: Row[] = ROWS) {
  return fixture<LdDataTable<Row>>(html`<ld-data-table caption="Features" .columns=${COLUMNS} .rows=${rows}></ld-data-table>`);
}

function bodyRows(el: LdDataTable<Row>): HTMLTableRowElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr.row')];
}

/** An outer component that renders the table inside its own shadow root (C35). */
class LdTestOuter extends LitElement {
  rows: Row[] = ROWS;
  protected override render() {
    return html`<section><ld-data-table caption="Inner" .columns=${COLUMNS} .rows=${this.rows}></ld-data-table></section>`;
  }
}
if (!customElements.get('ld-test-outer')) customElements.define('ld-test-outer', LdTestOuter);

describe('<ld-data-table>', () => {
  it('styles buttons and dates that column templates put in cells with the shared looks', async () => {
    const columns = [
      { key: 'when', header: 'When', render: () => '2026-12-03', nowrap: true },
      { key: 'edit', header: 'Edit', template: () => html`<button class="button small" type="button">Edit</button>` },
    ];
    const el = await fixture<HTMLElement>(html`<ld-data-table caption="Groups" .columns=${columns} .rows=${[{ id: 1 }]}></ld-data-table>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('td button')!;
    const style = getComputedStyle(button);
    expect(style.borderRadius).toBe('6px');
    expect(style.cursor).toBe('pointer');
    expect(style.minHeight).toBe('28px');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="cell-when"]')!).whiteSpace).toBe('nowrap');
  });

  describe('properties', () => {
    it('renders headers, rows and cell parts, values as text', async () => {
      const rows = [{ id: 9, name: '<b>bold</b>', version: '1.0', count: 1, vendor: '<script>x</script>' }];
      const el = await table(rows);
      const headers = [...el.shadowRoot!.querySelectorAll('th')].map((th) => th.textContent!.trim());
      expect(headers).toEqual(['Feature', 'Version', 'Count', 'Vendor String']);
      const cell = shadowQuery(el, 'td[part~="cell-name"]');
      expect(cell.getAttribute('part')).toBe('cell cell-name');
      expect(cell.textContent!.trim()).toBe('<b>bold</b>');
      expect(el.shadowRoot!.querySelector('td b, td script')).toBeNull();
    });

    it('shows the empty text when there are no rows', async () => {
      const el = await fixture<LdDataTable>(
        html`<ld-data-table caption="Devices" empty-text="No devices." .columns=${COLUMNS} .rows=${[]}></ld-data-table>`,
      );
      expect(shadowQuery(el, '[part~="empty"]').textContent).toContain('No devices.');
      await expectNoAxeViolations(el);
    });

    it('renders at most 200 rows and says so', async () => {
      const many = Array.from({ length: 500 }, (_, i) => ({ id: i, name: `f${i}`, version: '1.0', count: i, vendor: '' }));
      const el = await table(many);
      expect(bodyRows(el)).toHaveLength(200);
      expect(shadowQuery(el, '[part~="more"]').textContent).toContain('500');
    });

    it('sorts by a column when sortable, with aria-sort', async () => {
      const el = await fixture<LdDataTable<Row>>(
        html`<ld-data-table sortable caption="Features" .columns=${COLUMNS} .rows=${ROWS}></ld-data-table>`,
      );
      const sortChange = nextEvent(el, 'ld-sort-change');
      shadowQuery<HTMLButtonElement>(el, 'th[part~="header-cell-version"] button').click();
      await sortChange;
      await el.updateComplete;
      expect(bodyRows(el).map((r) => r.cells[1]!.textContent!.trim())).toEqual(['1.9', '1.10', '2.0']);
      expect(shadowQuery(el, 'th[part~="header-cell-version"]').getAttribute('aria-sort')).toBe('ascending');
    });

    it('renders rows from the emulator through the SDK', async () => {
      const client = await createTestClient();
      const page = await client.features.list().getPage(1, 10);
      const columns: LdColumn<(typeof page.items)[number]>[] = [
        { key: 'featureName', header: 'Feature' },
        { key: 'featureVersion', header: 'Version' },
        { key: 'vendorString', header: 'Vendor String', truncate: true },
      ];
      const el = await fixture<LdDataTable>(
        html`<ld-data-table caption="Features" empty-text="No features." .columns=${columns} .rows=${page.items}></ld-data-table>`,
      );
      expect(bodyRows(el as unknown as LdDataTable<Row>)).toHaveLength(page.items.length);
      await expectNoAxeViolations(el);
    });
  });

  describe('long values (C13)', () => {
    const samples = ['v'.repeat(2000), 'has the literal text \\u0020 inside it, and more words', 'quote a"b\\c and more text to pass the limit', 'Zoë Ω — unicode text long enough to be cut off'];

    it('truncates without overflow and copies the exact original', async () => {
      const rows = samples.map((vendor, i) => ({ id: i, name: `f${i}`, version: '1.0', count: 1, vendor }));
      const el = await fixture<LdDataTable<Row>>(
        html`<div style="width: 40rem"><ld-data-table caption="Vendor strings" .columns=${COLUMNS} .rows=${rows}></ld-data-table></div>`,
      ).then((div) => div.firstElementChild as LdDataTable<Row>);
      await el.updateComplete;
      const base = shadowQuery(el, '[part~="base"]');
      for (const [i, original] of samples.entries()) {
        const cell = bodyRows(el)[i]!.querySelector<HTMLElement>('[part~="truncated"]')!;
        expect(cell.getAttribute('title')).toBe(original);
        expect(cell.getBoundingClientRect().right).toBeLessThanOrEqual(base.getBoundingClientRect().right + 1);
        const copied = nextEvent<LdCopyEvent>(el, 'ld-copy');
        bodyRows(el)[i]!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
        expect((await copied).detail.text).toBe(original);
      }
      expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth + 1);
    });

    it('expands a long value in place', async () => {
      const el = await table();
      const expand = bodyRows(el)[1]!.querySelector<HTMLButtonElement>('[part~="expand-button"]')!;
      expect(expand.getAttribute('aria-expanded')).toBe('false');
      expand.click();
      await el.updateComplete;
      expect(expand.getAttribute('aria-expanded')).toBe('true');
      expect(bodyRows(el)[1]!.querySelector('[part~="truncated"]')!.classList.contains('expanded')).toBe(true);
      await expectNoAxeViolations(el);
    });
  });

  describe('events', () => {
    it('emits ld-row-select with the row and its index on click', async () => {
      const el = await table();
      const selected = nextEvent<LdRowSelectEvent<Row>>(el, 'ld-row-select');
      bodyRows(el)[2]!.cells[0]!.click();
      const event = await selected;
      expect(event.detail).toEqual({ row: ROWS[2], index: 2 });
      expect(event.bubbles && event.composed).toBe(true);
    });

    it('moves between rows with the arrow keys and selects with Enter (roving tabindex)', async () => {
      const el = await table();
      expect(bodyRows(el).map((r) => r.tabIndex)).toEqual([0, -1, -1]);
      bodyRows(el)[0]!.focus();
      await userEvent.keyboard('{ArrowDown}');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).toBe(bodyRows(el)[1]);
      expect(bodyRows(el).map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
      const selected = nextEvent<LdRowSelectEvent<Row>>(el, 'ld-row-select');
      await userEvent.keyboard('{Enter}');
      expect((await selected).detail.index).toBe(1);
      await userEvent.keyboard('{End}');
      expect(el.shadowRoot!.activeElement).toBe(bodyRows(el)[2]);
    });

    it('does not select the row when its copy control is used', async () => {
      const el = await table();
      const spy = vi.fn();
      el.addEventListener('ld-row-select', spy);
      bodyRows(el)[1]!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
      await el.updateComplete;
      expect(spy).not.toHaveBeenCalled();
    });

    it('is heard outside another component\'s shadow root with a string version (C35)', async () => {
      const outer = await fixture<LdTestOuter>(html`<ld-test-outer></ld-test-outer>`);
      const inner = outer.shadowRoot!.querySelector<LdDataTable<Row>>('ld-data-table')!;
      await inner.updateComplete;
      const heard = nextEvent<LdRowSelectEvent<Row>>(document, 'ld-row-select');
      bodyRows(inner)[0]!.click();
      const event = await heard;
      expect(event.target).toBe(outer);
      expect(event.detail.row).toMatchObject({ name: 'f1', version: '1.10' });
      expect(typeof event.detail.row.version).toBe('string');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const el = await fixture<LdDataTable<Row>>(
        html`<ld-data-table sortable caption="Features" .columns=${COLUMNS} .rows=${ROWS}></ld-data-table>`,
      );
      await expectNoAxeViolations(el);
    });
  });
});
