import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LdCopyEvent } from '../../events/copy.js';
import { LdRowSelectEvent } from '../../events/row-select.js';
import { LdSortChangeEvent, type SortDirection } from '../../events/sort-change.js';
import { copyText } from '../../internal/clipboard.js';
import { baseStyles, buttonStyles } from '../../internal/styles.js';
import styles from './data-table.styles.js';

/** A cell's plain value. */
export type CellValue = string | number | boolean | null | undefined;

/** How one column of an `<ld-data-table>` shows its rows. */
export interface LdColumn<R = unknown> {
  /** Identifies the column (sort key, part name `cell-<key>`); the default value is `row[key]`. */
  key: string;
  /** Visible header text. */
  header: string;
  /** Accessible name of the header when it should differ from `header`. */
  label?: string;
  /** The value used for sorting and, without `render`, for display. */
  value?: (row: R) => CellValue;
  /** Display text; always rendered as text, never as HTML. */
  render?: (row: R) => string;
  /** Custom cell content as a Lit template (for controls such as check boxes); text inside stays escaped. */
  template?: (row: R, index: number) => TemplateResult | string | typeof nothing;
  /** Whether this column can be sorted when the table is `sortable` (default true). */
  sortable?: boolean;
  /** Custom comparison for sorting. */
  compare?: (a: R, b: R) => number;
  /** Truncate long text with an expand control and a copy control; a number sets the length from which. */
  truncate?: boolean | number;
  /** Always offer a copy control that copies the exact value. */
  copyable?: boolean;
  /** Text alignment (numbers usually `end`). */
  align?: 'start' | 'end';
  /** Keep the cell on one line (dates and times must not break in the middle). */
  nowrap?: boolean;
}

/** Rows rendered at most, so the DOM stays small; larger lists must be paged. */
const MAX_ROWS = 200;
/** Default length from which truncating columns show expand/copy controls. */
const DEFAULT_TRUNCATE_AT = 40;
/** Elements inside a row that handle their own clicks and keys. */
const INTERACTIVE = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'LABEL', 'SUMMARY']);

function compareValues(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/**
 * @tagname ld-data-table
 * @summary A table of records: column headers, optional sorting, keyboard-navigable rows that emit
 * `ld-row-select`, and long values truncated with expand and exact copy.
 *
 * @description Give it only the current page of records (`rows`): at most 200 rows are rendered, so
 * pair it with `<ld-pager>`. Rows use a roving tabindex: Tab enters the table at one row, Arrow
 * Up/Down, Home and End move between rows, Enter or Space selects. Cell text is always rendered as text.
 *
 * @slot caption-end - Content after the caption text (for example a count).
 *
 * @event ld-row-select - A row was clicked or Enter/Space pressed on it: `detail {row, index}` with the row
 *   object as given and its index in `rows`.
 * @event ld-sort-change - The user sorted by a column: `detail {key, direction}`.
 * @event ld-copy - A copy control copied a value: `detail {text, copied}` with the exact original text.
 *
 * @csspart base - The scroll container around the table.
 * @csspart table - The table element.
 * @csspart caption - The caption.
 * @csspart head - The header row group.
 * @csspart header-row - The header row.
 * @csspart header-cell - Each header cell (also `header-cell-<key>`).
 * @csspart sort-button - The sort control in a sortable header.
 * @csspart body - The body row group.
 * @csspart row - Each record row.
 * @csspart cell - Each cell (also `cell-<key>`).
 * @csspart truncated - The truncated text of a long value.
 * @csspart expand-button - The control that shows a long value in full.
 * @csspart copy-button - The control that copies a value.
 * @csspart empty - The row shown when there are no records.
 * @csspart more - The note shown when more rows were given than are rendered.
 *
 * @cssproperty --ld-data-table-border-color - Border and row separator color.
 * @cssproperty --ld-data-table-header-background - Header row background.
 * @cssproperty --ld-data-table-row-hover-background - Background of the hovered or focused row.
 * @cssproperty --ld-data-table-cell-padding - Cell padding.
 * @cssproperty --ld-data-table-truncate-width - Width at which long values are cut.
 * @cssproperty --ld-data-table-radius - Corner radius.
 * @cssproperty --ld-data-table-background - Table background.
 */
export class LdDataTable<R = unknown> extends LitElement {
  // buttonStyles: cells rendered by a column `template` may hold `.button` controls (e.g. Edit).
  static override styles = [baseStyles, buttonStyles, styles];

  /** The columns. */
  @property({ attribute: false })
  columns: LdColumn<R>[] = [];

  /** The records of the current page (at most 200 are rendered). */
  @property({ attribute: false })
  rows: R[] = [];

  /** Accessible name of the table, shown as its caption. */
  @property()
  caption = '';

  /** Hides the caption visually (it still names the table). */
  @property({ type: Boolean, attribute: 'hide-caption' })
  hideCaption = false;

  /** Lets the user sort by the columns (the rows given are sorted in place on screen). */
  @property({ type: Boolean })
  sortable = false;

  /** The column currently sorted by. */
  @property({ attribute: 'sort-key' })
  sortKey = '';

  /** The current sort direction. */
  @property({ attribute: 'sort-direction' })
  sortDirection: SortDirection = 'ascending';

  /** Marks the table busy while a new page loads. */
  @property({ type: Boolean, reflect: true })
  loading = false;

  /** Text of the row shown when there are no records. */
  @property({ attribute: 'empty-text' })
  emptyText = 'No records.';

  /** Gives each row a stable key for re-rendering (defaults to `row.id`, else the index). */
  @property({ attribute: false })
  rowKey?: (row: R, index: number) => unknown;

  /** Display index of the row that takes focus on Tab (roving tabindex). */
  @state()
  private activeIndex = 0;

  /** Expanded long cells, keyed `<rowIndex>:<columnKey>`. */
  @state()
  private expanded = new Set<string>();

  /** Focuses the active row (or the first row). */
  focusRow(index = this.activeIndex): void {
    const rows = this.rowElements();
    const target = rows[Math.max(0, Math.min(index, rows.length - 1))];
    target?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows')) {
      this.expanded = new Set();
      if (this.activeIndex >= Math.min(this.rows.length, MAX_ROWS)) this.activeIndex = 0;
    }
  }

  /** Rows as shown: sorted when asked, capped at the render limit; with their index in `rows`. */
  private get displayed(): Array<{ row: R; index: number }> {
    const entries = this.rows.map((row, index) => ({ row, index }));
    const column = this.sortable && this.sortKey ? this.columns.find((c) => c.key === this.sortKey) : undefined;
    if (column) {
      const factor = this.sortDirection === 'descending' ? -1 : 1;
      const compare = column.compare ?? ((a: R, b: R) => compareValues(this.cellValue(column, a), this.cellValue(column, b)));
      entries.sort((a, b) => factor * compare(a.row, b.row) || a.index - b.index);
    }
    return entries.slice(0, MAX_ROWS);
  }

  private cellValue(column: LdColumn<R>, row: R): CellValue {
    if (column.value) return column.value(row);
    const value = (row as Record<string, unknown> | null | undefined)?.[column.key];
    return value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : JSON.stringify(value);
  }

  private textOf(column: LdColumn<R>, row: R): string {
    if (column.render) return column.render(row);
    const value = this.cellValue(column, row);
    return value === null || value === undefined ? '' : String(value);
  }

  protected override render() {
    const displayed = this.displayed;
    return html`<div part="base" class="base">
      <table part="table" aria-busy=${this.loading ? 'true' : 'false'} aria-rowcount=${this.rows.length + 1}>
        ${this.caption
          ? html`<caption part="caption" class=${this.hideCaption ? 'visually-hidden' : ''}>
              ${this.caption}<slot name="caption-end"></slot>
            </caption>`
          : nothing}
        <thead part="head">
          <tr part="header-row">
            ${this.columns.map((column) => this.renderHeader(column))}
          </tr>
        </thead>
        <tbody part="body" @keydown=${this.handleKeydown} @click=${this.handleClick} @focusin=${this.handleFocusin}>
          ${displayed.length === 0
            ? html`<tr part="empty" class="empty">
                <td colspan=${Math.max(1, this.columns.length)}>${this.loading ? 'Loading…' : this.emptyText}</td>
              </tr>`
            : repeat(
                displayed,
                (entry) => this.rowKey?.(entry.row, entry.index) ?? (entry.row as { id?: unknown })?.id ?? entry.index,
                (entry, position) => this.renderRow(entry.row, entry.index, position),
              )}
        </tbody>
      </table>
      ${this.rows.length > MAX_ROWS
        ? html`<p part="more" class="more">Showing the first ${MAX_ROWS} of ${this.rows.length} rows; use paging to see the rest.</p>`
        : nothing}
    </div>`;
  }

  private renderHeader(column: LdColumn<R>) {
    const sortable = this.sortable && column.sortable !== false;
    const sorted = sortable && this.sortKey === column.key;
    const align = [column.align === 'end' ? 'end' : '', column.nowrap ? 'date' : ''].filter(Boolean).join(' ');
    return html`<th
      part="header-cell header-cell-${column.key}"
      class=${align}
      scope="col"
      aria-label=${column.label ?? nothing}
      aria-sort=${sorted ? this.sortDirection : nothing}
    >
      ${sortable
        ? html`<button part="sort-button" class="sort-button" type="button" @click=${() => this.sortBy(column.key)}>
            ${column.header}<span class="sort-indicator" aria-hidden="true"
              >${sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕'}</span
            >
          </button>`
        : column.header}
    </th>`;
  }

  private renderRow(row: R, index: number, position: number) {
    const active = position === this.activeIndex;
    return html`<tr
      part="row"
      class="row"
      tabindex=${active ? '0' : '-1'}
      data-index=${index}
      data-position=${position}
      aria-rowindex=${position + 2}
    >
      ${this.columns.map((column) => this.renderCell(column, row, index, active))}
    </tr>`;
  }

  private renderCell(column: LdColumn<R>, row: R, index: number, active: boolean) {
    const align = [column.align === 'end' ? 'end' : '', column.nowrap ? 'date' : ''].filter(Boolean).join(' ');
    if (column.template) {
      return html`<td part="cell cell-${column.key}" class=${align}>${column.template(row, index)}</td>`;
    }
    const text = this.textOf(column, row);
    const limit = typeof column.truncate === 'number' ? column.truncate : DEFAULT_TRUNCATE_AT;
    const long = !!column.truncate && text.length > limit;
    if (!long && !column.copyable) {
      return html`<td part="cell cell-${column.key}" class=${align}>${text}</td>`;
    }
    const cellId = `${index}:${column.key}`;
    const isExpanded = this.expanded.has(cellId);
    const tabindex = active ? '0' : '-1';
    return html`<td part="cell cell-${column.key}" class=${align}>
      <span class="long">
        <span part="truncated" class="truncate ${isExpanded ? 'expanded' : ''}" title=${long ? text : nothing}>${text}</span>
        ${long
          ? html`<button
              part="expand-button"
              class="cell-button"
              type="button"
              tabindex=${tabindex}
              aria-expanded=${isExpanded ? 'true' : 'false'}
              aria-label=${`${isExpanded ? 'Less' : 'More'} of ${column.header}`}
              @click=${() => this.toggleExpanded(cellId)}
            >
              ${isExpanded ? 'Less' : 'More'}
            </button>`
          : nothing}
        <button
          part="copy-button"
          class="cell-button"
          type="button"
          tabindex=${tabindex}
          aria-label=${`Copy ${column.header}`}
          @click=${() => this.copy(text)}
        >
          Copy
        </button>
      </span>
    </td>`;
  }

  private toggleExpanded(cellId: string): void {
    const next = new Set(this.expanded);
    if (next.has(cellId)) next.delete(cellId);
    else next.add(cellId);
    this.expanded = next;
  }

  private async copy(text: string): Promise<void> {
    const copied = await copyText(text);
    this.dispatchEvent(new LdCopyEvent({ text, copied }));
  }

  private sortBy(key: string): void {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortKey = key;
      this.sortDirection = 'ascending';
    }
    this.dispatchEvent(new LdSortChangeEvent({ key: this.sortKey, direction: this.sortDirection }));
  }

  private rowElements(): HTMLTableRowElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLTableRowElement>('tbody tr.row') ?? [])];
  }

  private rowFromEvent(event: Event): { row: HTMLTableRowElement; interactive: boolean } | null {
    let interactive = false;
    for (const node of event.composedPath()) {
      if (!(node instanceof HTMLElement)) continue;
      if (node instanceof HTMLTableRowElement && node.classList.contains('row')) return { row: node, interactive };
      if (INTERACTIVE.has(node.tagName) || node.isContentEditable || (node !== this && node.localName.includes('-') && node.tabIndex >= 0)) {
        interactive = true;
      }
    }
    return null;
  }

  private select(rowElement: HTMLTableRowElement): void {
    const index = Number(rowElement.dataset.index);
    const row = this.rows[index];
    if (row === undefined) return;
    this.dispatchEvent(new LdRowSelectEvent<R>({ row, index }));
  }

  private handleClick = (event: MouseEvent): void => {
    const found = this.rowFromEvent(event);
    if (!found || found.interactive) return;
    // Selecting text in a cell is not a click on the row.
    if (this.ownerDocument.getSelection()?.toString()) return;
    this.activeIndex = Number(found.row.dataset.position);
    this.select(found.row);
  };

  private handleFocusin = (event: FocusEvent): void => {
    const found = this.rowFromEvent(event);
    if (found) this.activeIndex = Number(found.row.dataset.position);
  };

  private handleKeydown = (event: KeyboardEvent): void => {
    const found = this.rowFromEvent(event);
    if (!found) return;
    const onRow = event.composedPath()[0] === found.row;
    const position = Number(found.row.dataset.position);
    const last = this.rowElements().length - 1;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(position + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(position - 1, 0);
        break;
      case 'Home':
        if (onRow) next = 0;
        break;
      case 'End':
        if (onRow) next = last;
        break;
      case 'Enter':
      case ' ':
        if (onRow) {
          event.preventDefault();
          this.select(found.row);
        }
        return;
      default:
        return;
    }
    if (next === null) return;
    event.preventDefault();
    this.activeIndex = next;
    this.focusRow(next);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-data-table': LdDataTable;
  }
}
