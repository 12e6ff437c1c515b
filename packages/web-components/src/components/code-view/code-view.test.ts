import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, fixture, shadowQuery } from '../../../test/setup/fixture.js';
import type { CodeMarker, LdCodeView } from './code-view.js';

const TEXT = 'model "m" {\n  partitions {\n    partition "p" { "f1" 1.0 2 }\n  }\n  <script>alert(1)</script>\n}';

async function view(markers: CodeMarker[] = [], text = TEXT): Promise<LdCodeView> {
  return fixture<LdCodeView>(html`<ld-code-view label="Model definition" .text=${text} .markers=${markers}></ld-code-view>`);
}

describe('<ld-code-view>', () => {
  it('scrolls a very long line inside its own box and never widens the page', async () => {
    const long = `model "${'x'.repeat(200_000)}" {`;
    const wrapper = await fixture<HTMLElement>(html`<div style="display: flex; width: 30rem">
      <ld-code-view label="Model definition" .text=${long} .markers=${[{ line: 1, column: 1, message: `unexpected "${'y'.repeat(5_000)}"`, severity: 'error' }]}></ld-code-view>
    </div>`);
    const el = wrapper.querySelector('ld-code-view')!;
    await el.updateComplete;
    expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(wrapper.getBoundingClientRect().width + 1);
    const code = shadowQuery(el, '.code');
    expect(code.clientWidth).toBeLessThanOrEqual(wrapper.clientWidth);
    expect(code.scrollWidth).toBeGreaterThan(code.clientWidth);
    expect(document.documentElement.scrollWidth).toBeLessThan(5_000);
  });

  describe('properties', () => {
    it('shows every line with its number, as text', async () => {
      const el = await view();
      const lines = [...el.shadowRoot!.querySelectorAll('[part~="line"]')];
      expect(lines).toHaveLength(6);
      expect(lines.map((l) => l.querySelector('[part="line-number"]')!.textContent)).toEqual(['1', '2', '3', '4', '5', '6']);
      expect(lines[4]!.querySelector('[part="line-text"]')!.textContent).toBe('  <script>alert(1)</script>');
      expect(el.shadowRoot!.querySelector('script')).toBeNull();
    });

    it('handles Windows and old Mac line ends', async () => {
      const el = await view([], 'a\r\nb\rc');
      expect([...el.shadowRoot!.querySelectorAll('[part="line-text"]')].map((n) => n.textContent)).toEqual(['a', 'b', 'c']);
    });

    it('highlights marked lines, marks the columns and shows the message under the line', async () => {
      const el = await view([
        { line: 3, column: 21, endColumn: 29, message: 'duplicate feature', severity: 'error' },
        { line: 2, message: 'unused pool', severity: 'warning' },
      ]);
      const error = shadowQuery(el, '[data-line="3"]');
      expect(error.getAttribute('part')).toBe('line line-error');
      expect(error.querySelector('mark')!.textContent).toBe('"f1" 1.0');
      expect(shadowQuery(el, '#msg-3').textContent).toContain('Error, line 3, column 21: duplicate feature');
      expect(error.getAttribute('aria-describedby')).toBe('msg-3');
      expect(shadowQuery(el, '[data-line="2"]').getAttribute('part')).toBe('line line-warning');
      // The list is in text order.
      const list = [...el.shadowRoot!.querySelectorAll('[part~="marker"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(list).toEqual(['Warning, line 2: unused pool', 'Error, line 3, column 21: duplicate feature']);
    });

    it('can hide the marker list', async () => {
      const el = await fixture<LdCodeView>(html`<ld-code-view hide-marker-list .text=${TEXT} .markers=${[{ line: 1, message: 'x' }]}></ld-code-view>`);
      expect(el.shadowRoot!.querySelector('[part~="markers"]')).toBeNull();
      expect(el.shadowRoot!.querySelector('.line.error')).not.toBeNull();
    });
  });

  describe('events and focus', () => {
    it('moves to a line when its marker is chosen, and revealLine focuses any line', async () => {
      const long = Array.from({ length: 200 }, (_, i) => `line ${i + 1}`).join('\n');
      const el = await view([{ line: 150, column: 1, message: 'here' }], long);
      shadowQuery<HTMLButtonElement>(el, '.marker-button').click();
      await vi.waitFor(() => expect(el.shadowRoot!.activeElement?.getAttribute('data-line')).toBe('150'));
      const code = shadowQuery(el, '[part="code"]');
      expect(code.scrollTop).toBeGreaterThan(0);
      expect(await el.revealLine(3)).toBe(true);
      expect(el.shadowRoot!.activeElement?.getAttribute('data-line')).toBe('3');
      expect(await el.revealLine(999)).toBe(false);
    });
  });

  describe('long texts', () => {
    it('renders a 900 KB text quickly, with marked lines on their own and the rest in runs', async () => {
      const lines = Array.from({ length: 70_000 }, (_, i) => `  "feature-${i}" 1.0 1`);
      const started = performance.now();
      const el = await view([{ line: 65_000, column: 3, message: 'far down' }], lines.join('\n'));
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(el.shadowRoot!.querySelectorAll('.line')).toHaveLength(1);
      expect(el.shadowRoot!.querySelectorAll('[part~="lines"]').length).toBeLessThan(200);
      const marked = shadowQuery(el, '[data-line="65000"]');
      expect(marked.querySelector('[part="line-text"]')!.textContent).toBe('  "feature-64999" 1.0 1');
      shadowQuery<HTMLButtonElement>(el, '.marker-button').click();
      await vi.waitFor(() => expect(el.shadowRoot!.activeElement).toBe(marked));
      // A line inside a run: the text area scrolls there and takes focus.
      const code = shadowQuery(el, '[part="code"]');
      expect(await el.revealLine(30_000)).toBe(true);
      expect(el.shadowRoot!.activeElement).toBe(code);
      const run = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.run')].find((r) => Number(r.dataset.first) <= 30_000 && 30_000 <= Number(r.dataset.last))!;
      const runTop = run.getBoundingClientRect().top - code.getBoundingClientRect().top;
      expect(runTop).toBeLessThan(code.clientHeight);
      expect(runTop + run.offsetHeight).toBeGreaterThan(0);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const el = await view([{ line: 3, column: 5, message: 'problem' }]);
      await expectNoAxeViolations(el);
    });
  });
});
