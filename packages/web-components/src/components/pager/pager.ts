import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { LdPageChangeEvent } from '../../events/page-change.js';
import { baseStyles } from '../../internal/styles.js';
import styles from './pager.styles.js';

/** One entry of the page list: a page number or a gap. */
export type PageItem = number | 'gap';

/**
 * The page numbers to offer: the first, the last, and the pages around the current one, with gaps
 * where pages are left out (`1 … 4 5 6 … 20`). A gap never hides just one page.
 */
export function pageItems(current: number, pageCount: number, around = 1): PageItem[] {
  if (pageCount <= 0) return [];
  const page = Math.min(Math.max(1, current), pageCount);
  const shown = new Set<number>([1, pageCount]);
  for (let p = page - around; p <= page + around; p += 1) if (p >= 1 && p <= pageCount) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const items: PageItem[] = [];
  let previous = 0;
  for (const p of sorted) {
    if (p - previous === 2) items.push(p - 1);
    else if (p - previous > 2) items.push('gap');
    items.push(p);
    previous = p;
  }
  return items;
}

/**
 * @tagname ld-pager
 * @summary The paging tool: total number of records, Previous, numbered pages with gaps, Next.
 *
 * @event ld-page-change - The user chose a page: `detail {pageNumber, pageSize}`. The pager shows the
 *   new page at once; the host loads it.
 *
 * @csspart base - The container.
 * @csspart total - The total records text.
 * @csspart nav - The navigation landmark around the page list.
 * @csspart list - The list of page controls.
 * @csspart previous - The Previous button.
 * @csspart next - The Next button.
 * @csspart page - Each page number button (the current one also has `current`).
 * @csspart current - The current page button.
 * @csspart gap - The "…" between page numbers.
 *
 * @cssproperty --ld-pager-gap - Space between page buttons.
 * @cssproperty --ld-pager-padding - Space above and below.
 * @cssproperty --ld-pager-border-color - Button border color.
 * @cssproperty --ld-pager-background - Button background.
 * @cssproperty --ld-pager-current-background - Background of the current page button.
 * @cssproperty --ld-pager-current-color - Text color of the current page button.
 */
export class LdPager extends LitElement {
  static override styles = [baseStyles, styles];

  /** Total number of records. */
  @property({ type: Number })
  total = 0;

  /** Records per page. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 20;

  /** The current page (1-based). */
  @property({ type: Number, attribute: 'page-number' })
  pageNumber = 1;

  /** Name of the navigation landmark (give each pager on a page its own). */
  @property()
  label = 'Pages';

  /** Word for the records in the total, e.g. "features". */
  @property()
  noun = 'records';

  /** Number of pages. */
  get pageCount(): number {
    const size = this.pageSize > 0 ? this.pageSize : 1;
    return Math.max(1, Math.ceil(Math.max(0, this.total) / size));
  }

  protected override render() {
    const count = this.pageCount;
    const current = Math.min(Math.max(1, this.pageNumber), count);
    const first = this.total === 0 ? 0 : (current - 1) * this.pageSize + 1;
    const last = Math.min(this.total, current * this.pageSize);
    return html`<div part="base" class="base">
      <p part="total" class="total" aria-live="polite">
        Total ${this.noun}: ${this.total}${this.total > 0 && count > 1 ? html` (showing ${first}–${last})` : nothing}
      </p>
      ${count > 1
        ? html`<nav part="nav" aria-label=${this.label}>
            <ul part="list">
              <li>
                <button part="previous" type="button" aria-label="Previous page" ?disabled=${current <= 1} @click=${() => this.go(current - 1)}>
                  ‹ Previous
                </button>
              </li>
              ${pageItems(current, count).map((item) =>
                item === 'gap'
                  ? html`<li part="gap" class="gap" aria-hidden="true">…</li>`
                  : html`<li>
                      <button
                        part=${item === current ? 'page current' : 'page'}
                        type="button"
                        aria-label=${`Page ${item}`}
                        aria-current=${item === current ? 'page' : nothing}
                        @click=${() => this.go(item)}
                      >
                        ${item}
                      </button>
                    </li>`,
              )}
              <li>
                <button part="next" type="button" aria-label="Next page" ?disabled=${current >= count} @click=${() => this.go(current + 1)}>
                  Next ›
                </button>
              </li>
            </ul>
          </nav>`
        : nothing}
    </div>`;
  }

  private async go(pageNumber: number): Promise<void> {
    const page = Math.min(Math.max(1, pageNumber), this.pageCount);
    if (page === this.pageNumber) return;
    this.pageNumber = page;
    this.dispatchEvent(new LdPageChangeEvent({ pageNumber: page, pageSize: this.pageSize }));
    // Keep focus on the matching control after re-render (the clicked button may have moved).
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLButtonElement>('button[aria-current="page"]');
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement | null;
    if (target && (!active || active.disabled)) target.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-pager': LdPager;
  }
}
