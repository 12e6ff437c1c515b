import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import styles from './code-view.styles.js';

/** How serious a marker in `<ld-code-view>` is. */
export const CODE_MARKER_SEVERITIES = ['error', 'warning', 'info'] as const;
export type CodeMarkerSeverity = (typeof CODE_MARKER_SEVERITIES)[number];

/** A place in the text to point at: 1-based line and column, with an optional end on the same line. */
export interface CodeMarker {
  line: number;
  column?: number;
  /** Column just past the marked text (same line); one character is marked when absent. */
  endColumn?: number;
  message: string;
  severity?: CodeMarkerSeverity;
}

const SEVERITY_LABEL: Record<CodeMarkerSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** Texts with more lines than this render unmarked lines in runs, so a 900 KB model stays quick. */
export const INDIVIDUAL_LINE_LIMIT = 1000;
/** Lines per run in a long text. */
const RUN_LENGTH = 400;

/** "line 3, column 5" as people read it. */
export function formatPosition(line: number, column?: number): string {
  return column ? `line ${line}, column ${column}` : `line ${line}`;
}

/**
 * @tagname ld-code-view
 * @summary A read-only view of a text with line numbers that points at places in it: marked lines
 *   are highlighted with their message under them, and a list of the markers moves to each line.
 *
 * @csspart base - The wrapper of the list and the text.
 * @csspart markers - The list of markers (buttons that move to a line).
 * @csspart marker - One entry of that list.
 * @csspart code - The scrollable text area.
 * @csspart line - One line of the text; marked lines also have `line-error`, `line-warning` or `line-info`.
 *   In texts over 1,000 lines only marked lines are single `line` parts; the others come in `lines` runs.
 * @csspart lines - A run of unmarked lines of a long text.
 * @csspart line-number - The number in front of a line.
 * @csspart line-text - The text of a line.
 * @csspart mark - The marked characters of a line.
 * @csspart message - The message shown under a marked line.
 *
 * @cssproperty --ld-code-view-max-height - Height after which the text scrolls (default 24rem).
 * @cssproperty --ld-code-view-font - Font of the text (default a monospace stack).
 * @cssproperty --ld-code-view-error-background - Background of lines with an error.
 * @cssproperty --ld-code-view-info-background - Background of lines with a note (e.g. the rule that matched).
 */
export class LdCodeView extends LitElement {
  static override styles = styles;

  /** The text to show. It is rendered as text, never as markup. */
  @property({ attribute: false })
  text = '';

  /** Places to point at; each is highlighted and listed. */
  @property({ attribute: false })
  markers: CodeMarker[] = [];

  /** Accessible name of the text area, e.g. "Model definition". */
  @property()
  label = 'Text';

  /** Hide the list of markers above the text (the lines stay highlighted). */
  @property({ type: Boolean, attribute: 'hide-marker-list' })
  hideMarkerList = false;

  /** The line most recently moved to (1-based), shown with a focus ring. */
  @state()
  protected currentLine = 0;

  private lines: string[] = [''];
  private byLine = new Map<number, CodeMarker[]>();

  /**
   * Scrolls line `line` into view and gives it focus, so keyboard and screen-reader users land on it.
   * @returns False when the text has no such line.
   */
  async revealLine(line: number): Promise<boolean> {
    if (!Number.isInteger(line) || line < 1 || line > this.lines.length) return false;
    this.currentLine = line;
    await this.updateComplete;
    const node = this.renderRoot.querySelector<HTMLElement>(`[data-line="${line}"]`);
    if (node) {
      node.scrollIntoView({ block: 'center', behavior: 'auto' });
      node.focus({ preventScroll: true });
      return true;
    }
    // A line inside a run of a long text: scroll to where it is and focus the text area.
    const code = this.renderRoot.querySelector<HTMLElement>('.code');
    const run = [...this.renderRoot.querySelectorAll<HTMLElement>('.run')].find(
      (r) => Number(r.dataset.first) <= line && line <= Number(r.dataset.last),
    );
    if (!code || !run) return false;
    const count = Number(run.dataset.last) - Number(run.dataset.first) + 1;
    const lineHeight = run.offsetHeight / count;
    const top = run.getBoundingClientRect().top - code.getBoundingClientRect().top + code.scrollTop;
    code.scrollTop = top + (line - Number(run.dataset.first)) * lineHeight - code.clientHeight / 2;
    code.focus({ preventScroll: true });
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this.lines = (this.text ?? '').split(/\r\n|\r|\n/);
    if (changed.has('markers') || changed.has('text')) {
      this.byLine = new Map();
      for (const marker of this.sortedMarkers()) {
        const list = this.byLine.get(marker.line) ?? [];
        list.push(marker);
        this.byLine.set(marker.line, list);
      }
    }
  }

  private sortedMarkers(): CodeMarker[] {
    return [...(this.markers ?? [])].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  }

  protected override render() {
    const markers = this.sortedMarkers();
    return html`<div part="base" class="base">
      ${markers.length > 0 && !this.hideMarkerList
        ? html`<ul part="markers" class="markers" aria-label="Problems in the ${this.label.toLowerCase()}">
            ${markers.map(
              (m) => html`<li part="marker" class="marker ${m.severity ?? 'error'}">
                <button type="button" class="marker-button" @click=${() => this.revealLine(m.line)}>
                  <span class="where">${`${SEVERITY_LABEL[m.severity ?? 'error']}, ${formatPosition(m.line, m.column)}:`}</span>
                  <span class="what">${m.message}</span>
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <div part="code" class="code" role="region" aria-label=${this.label} tabindex="0">${this.renderLines()}</div>
    </div>`;
  }

  private renderLines() {
    if (this.lines.length <= INDIVIDUAL_LINE_LIMIT) {
      return repeat(
        this.lines,
        (_, i) => i,
        (text, i) => this.renderLine(text, i + 1),
      );
    }
    const parts: TemplateResult[] = [];
    let runStart = 0;
    const flush = (end: number) => {
      for (let start = runStart; start < end; start += RUN_LENGTH) {
        const last = Math.min(end, start + RUN_LENGTH);
        const numbers = Array.from({ length: last - start }, (_, k) => String(start + k + 1)).join('\n');
        parts.push(
          html`<div part="lines" class="run" data-first=${start + 1} data-last=${last}><span class="number run-numbers" aria-hidden="true">${numbers}</span><span class="text">${this.lines.slice(start, last).join('\n')}</span></div>`,
        );
      }
    };
    this.lines.forEach((text, i) => {
      if (!this.byLine.has(i + 1)) return;
      flush(i);
      parts.push(this.renderLine(text, i + 1));
      runStart = i + 1;
    });
    flush(this.lines.length);
    return parts;
  }

  private renderLine(text: string, line: number): TemplateResult {
    const marks = this.byLine.get(line);
    if (!marks) {
      return html`<div part="line" class="line ${line === this.currentLine ? 'current' : ''}" data-line=${line} tabindex="-1"><span part="line-number" class="number">${line}</span><span part="line-text" class="text">${text}</span></div>`;
    }
    const severity = marks.some((m) => (m.severity ?? 'error') === 'error') ? 'error' : marks.some((m) => m.severity === 'warning') ? 'warning' : 'info';
    const first = marks[0]!;
    const start = Math.max(0, Math.min(text.length, (first.column ?? 1) - 1));
    const end = Math.max(start + 1, Math.min(text.length, (first.endColumn ?? start + 2) - 1));
    const marked = first.column ? text.slice(start, end) : '';
    const content = first.column
      ? html`${text.slice(0, start)}<mark part="mark" class="mark">${marked || '\u00a0'}</mark>${text.slice(end)}`
      : html`${text}`;
    return html`<div part="line line-${severity}" class="line marked ${severity} ${line === this.currentLine ? 'current' : ''}" data-line=${line} tabindex="-1" aria-describedby="msg-${line}"><span part="line-number" class="number">${line}</span><span part="line-text" class="text">${content}</span></div>
      <div part="message" class="message ${severity}" id="msg-${line}">
        ${marks.map(
          (m) => html`<div><span class="where">${`${SEVERITY_LABEL[m.severity ?? 'error']}, ${formatPosition(m.line, m.column)}:`}</span> ${m.message}</div>`,
        )}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-code-view': LdCodeView;
  }
}
