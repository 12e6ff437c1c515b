import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import type { LdPageChangeEvent } from '../../events/page-change.js';
import { pageItems, type LdPager } from './pager.js';

function labels(el: LdPager): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="list"] > li')].map((li) =>
    li.getAttribute('part') === 'gap' ? '…' : li.querySelector('button')!.getAttribute('aria-label')!,
  );
}

describe('<ld-pager>', () => {
  describe('pageItems', () => {
    it('shows the first, last and neighbouring pages with gaps', () => {
      expect(pageItems(5, 20)).toEqual([1, 'gap', 4, 5, 6, 'gap', 20]);
      expect(pageItems(1, 20)).toEqual([1, 2, 'gap', 20]);
      expect(pageItems(20, 20)).toEqual([1, 'gap', 19, 20]);
      expect(pageItems(1, 1)).toEqual([1]);
      expect(pageItems(0, 0)).toEqual([]);
    });

    it('never hides a single page behind a gap', () => {
      expect(pageItems(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(pageItems(3, 5)).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describe('properties', () => {
    it('shows the total and numbered pages with gaps and aria-labels', async () => {
      const el = await fixture<LdPager>(html`<ld-pager total="200" page-size="10" page-number="5"></ld-pager>`);
      expect(shadowQuery(el, '[part~="total"]').textContent).toContain('Total records: 200');
      expect(labels(el)).toEqual(['Previous page', 'Page 1', '…', 'Page 4', 'Page 5', 'Page 6', '…', 'Page 20', 'Next page']);
      expect(shadowQuery(el, '[aria-current="page"]').textContent!.trim()).toBe('5');
    });

    it('shows only the total when everything fits on one page', async () => {
      const el = await fixture<LdPager>(html`<ld-pager total="3" page-size="10"></ld-pager>`);
      expect(el.shadowRoot!.querySelector('nav')).toBeNull();
      expect(shadowQuery(el, '[part~="total"]').textContent).toContain('3');
    });

    it('disables Previous on the first page and Next on the last', async () => {
      const el = await fixture<LdPager>(html`<ld-pager total="30" page-size="10"></ld-pager>`);
      expect(shadowQuery<HTMLButtonElement>(el, '[part~="previous"]').disabled).toBe(true);
      el.pageNumber = 3;
      await el.updateComplete;
      expect(shadowQuery<HTMLButtonElement>(el, '[part~="next"]').disabled).toBe(true);
    });
  });

  describe('events', () => {
    it('emits ld-page-change with the page number', async () => {
      const el = await fixture<LdPager>(html`<ld-pager total="200" page-size="10" page-number="5"></ld-pager>`);
      const change = nextEvent<LdPageChangeEvent>(document, 'ld-page-change');
      shadowQuery<HTMLButtonElement>(el, 'button[aria-label="Page 20"]').click();
      expect((await change).detail).toEqual({ pageNumber: 20, pageSize: 10 });
      await el.updateComplete;
      expect(shadowQuery(el, '[aria-current="page"]').textContent!.trim()).toBe('20');
      const next = nextEvent<LdPageChangeEvent>(el, 'ld-page-change');
      shadowQuery<HTMLButtonElement>(el, '[part~="previous"]').click();
      expect((await next).detail.pageNumber).toBe(19);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const el = await fixture<LdPager>(html`<ld-pager total="200" page-size="10" page-number="5"></ld-pager>`);
      await expectNoAxeViolations(el);
    });
  });
});
