import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  parseJsonWithLocation,
  validateReservationImport,
  type HostId,
  type JsonSyntaxError,
  type ReservationGroupInput,
  type ReservationProblem,
} from '@licensedesk/sdk';
import { LdElement } from '../../internal/ld-element.js';
import { LdCancelEvent, LdReservationsChangedEvent, LdReservationsImportedEvent } from '../../events/admin.js';
import { isAbort } from '../../internal/errors.js';
import { formatBytes } from '../../internal/files.js';
import { uniqueId } from '../../internal/ids.js';
import { jsonPathOffsets, lineStarts, locateJsonPath, type TextPosition } from '../../internal/json-paths.js';
import { describeLocation, entryOfDetail, locatePath, reservationRows, type ReservationRow } from '../../internal/reservations.js';
import type { ReservationGroup } from '../../internal/sdk.js';
import type { CodeMarker } from '../code-view/code-view.js';
import styles from './reservations-import.styles.js';

/** Where an import stands. */
export const IMPORT_STATES = ['idle', 'reading', 'syntax-error', 'invalid', 'checking', 'refused', 'ready', 'importing', 'imported', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** One problem of an import, placed for people: its group/reservation/entry/field, JSON path and line. */
export interface ImportProblem {
  /** JSON path of the offending value. */
  path: string;
  /** "group "qa", reservation 1, entry 2, field featureCount". */
  where: string;
  message: string;
  /** Line and column in the file, when the path could be found in it. */
  position: TextPosition | null;
  /** The validator's problem code, or the server's error key. */
  code: string;
}

/**
 * @tagname ld-reservations-import
 * @summary Imports reservation groups from a JSON file: checks it in the browser (syntax with line
 *   and column; every problem with its group, reservation, entry, field and JSON path), asks the
 *   server for a dry run showing what would be created and whether it can be satisfied, then
 *   imports everything at once.
 *
 * @description The file is the import/export format (one group or an array of groups). Clashes with
 * groups and host ids already on the server are found before anything is sent. Nothing is stored
 * until Import is pressed, and the server stores all of it or none of it.
 *
 * @event ld-reservations-imported - The file was imported: `detail {fileName, groups: [{id, name}], entries}`.
 * @event ld-reservations-changed - Also fired after an import: `detail {action: "imported", groups}`.
 * @event ld-cancel - The user pressed Cancel (`detail.what = "reservations-import"`).
 *
 * @csspart base - The whole panel.
 * @csspart title - The heading.
 * @csspart file-input - The native file chooser.
 * @csspart summary - The line saying what was found.
 * @csspart problems - The list of problems.
 * @csspart problem - One problem.
 * @csspart code - The view of the file with problems marked (an `<ld-code-view>`).
 * @csspart preview - The table of what would be created.
 * @csspart import-button - The Import button.
 * @csspart cancel-button - The Cancel button.
 *
 * @cssproperty --ld-reservations-import-preview-max-height - Height after which the preview scrolls.
 */
export class LdReservationsImport extends LdElement {
  static override styles = styles;

  /** Rows of the preview per page; the page size from the manager's settings when not set. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 0;

  /** Where the import stands. */
  @state() protected state: ImportState = 'idle';
  @state() protected fileName = '';
  @state() protected fileSize = 0;
  @state() protected text = '';
  @state() protected syntaxError: JsonSyntaxError | null = null;
  @state() protected problems: ImportProblem[] = [];
  @state() protected groups: ReservationGroupInput[] = [];
  @state() protected preview: ReservationRow[] = [];
  @state() protected previewPage = 1;
  @state() protected error: unknown = undefined;
  @state() protected imported: ReservationGroup[] = [];

  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly ids = uniqueId('ld-resimport');
  private controller?: AbortController;

  /** Where the import stands: `idle`, `invalid`, `ready`, `imported`, ... */
  get importState(): ImportState {
    return this.state;
  }

  /** The problems found in the chosen file (syntax errors included), in file order. */
  get importProblems(): readonly ImportProblem[] {
    return this.syntaxError
      ? [{ path: '$', where: 'file', message: this.syntaxError.message, position: { line: this.syntaxError.line, column: this.syntaxError.column }, code: 'syntax' }]
      : this.problems;
  }

  /**
   * Checks a file (or its text) as if the user had chosen it: parses, validates against what the
   * server holds, and asks for a dry run. Resolves when the panel shows the outcome.
   */
  async check(file: File | Blob, fileName = file instanceof File ? file.name : 'reservations.json'): Promise<ImportState> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.resetResult();
    this.fileName = fileName;
    this.fileSize = file.size;
    this.state = 'reading';
    try {
      this.text = await file.text();
      const parsed = parseJsonWithLocation(this.text);
      if (!parsed.ok) {
        this.syntaxError = parsed.error;
        this.state = 'syntax-error';
        return this.state;
      }
      const client = this.client;
      if (!client) throw new Error('No license server client: place the panel inside an <ld-provider>.');
      const existing = await client.reservations.list({}, { signal: controller.signal }).all();
      const existingHostIds: HostId[] = existing.flatMap((g) => (g.reservations ?? []).map((r) => r.hostId));
      const result = validateReservationImport(parsed.value, {
        existingGroups: existing.map((g) => g.name),
        existingHostIds,
      });
      this.groups = result.groups;
      if (!result.ok) {
        this.problems = this.placeProblems(result.problems);
        this.state = 'invalid';
        return this.state;
      }
      this.state = 'checking';
      const dryRun = await client.reservations.create(result.groups, { dryRun: true, signal: controller.signal });
      this.preview = reservationRows(dryRun);
      this.state = 'ready';
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return this.state;
      this.error = error;
      this.problems = this.serverProblems(error);
      this.state = this.state === 'checking' ? 'refused' : 'failed';
    }
    return this.state;
  }

  /** Imports the checked file; only after a successful check. */
  async import(): Promise<boolean> {
    const client = this.client;
    if (this.state !== 'ready' || !client) return false;
    this.state = 'importing';
    this.error = undefined;
    try {
      const created = await client.reservations.create(this.groups);
      this.imported = created;
      this.state = 'imported';
      const groups = created.map((g) => ({ id: g.id, name: g.name }));
      const entries = reservationRows(created).length;
      this.dispatchEvent(new LdReservationsImportedEvent({ fileName: this.fileName, groups, entries }));
      this.dispatchEvent(new LdReservationsChangedEvent({ action: 'imported', groups: groups.map((g) => g.name) }));
      if (this.fileInput) this.fileInput.value = '';
      await this.focusResult();
      return true;
    } catch (error) {
      this.error = error;
      this.problems = this.serverProblems(error);
      this.state = 'failed';
      await this.focusResult();
      return false;
    }
  }

  /** Forgets the chosen file and any result. */
  clear(): void {
    this.controller?.abort();
    this.resetResult();
    this.fileName = '';
    this.text = '';
    this.state = 'idle';
    if (this.fileInput) this.fileInput.value = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private resetResult(): void {
    this.syntaxError = null;
    this.problems = [];
    this.groups = [];
    this.preview = [];
    this.previewPage = 1;
    this.error = undefined;
    this.imported = [];
  }

  private placeProblems(problems: readonly ReservationProblem[]): ImportProblem[] {
    const offsets = jsonPathOffsets(this.text);
    const starts = lineStarts(this.text);
    return problems.map((p) => ({
      path: p.path,
      where: describeLocation(locatePath(p.path), p.group) || 'the file as a whole',
      message: p.message,
      position: locateJsonPath(offsets, starts, p.path),
      code: p.code,
    }));
  }

  /** The server's refusal, each detail placed at the entry it is about. */
  private serverProblems(error: unknown): ImportProblem[] {
    const details = (error as { details?: Array<{ path?: string; message: string }> }).details ?? [];
    const key = (error as { key?: string }).key ?? 'server';
    if (details.length === 0) return [];
    const offsets = jsonPathOffsets(this.text);
    const starts = lineStarts(this.text);
    const single = !this.text.trimStart().startsWith('[');
    return details.map((d) => {
      let path = d.path;
      if (!path) {
        const at = entryOfDetail(d, this.groups);
        if (at) path = `$[${at.group}].reservations[${at.reservation}].reservationEntries[${at.entry}]`;
      }
      // The server numbers groups of a posting; a file with one bare group has its group at `$`.
      const filePath = path && single ? path.replace(/^\$\[0\]/, '$') : path;
      const location = path ? locatePath(path) : {};
      const groupName = location.group !== undefined ? this.groups[location.group]?.name : undefined;
      return {
        path: filePath ?? '',
        where: path ? describeLocation(location, groupName) : 'the posting',
        message: d.message,
        position: filePath ? locateJsonPath(offsets, starts, filePath) : null,
        code: key,
      };
    });
  }

  private async focusResult(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.result')?.focus();
  }

  private get effectivePageSize(): number {
    return this.pageSize > 0 ? this.pageSize : this.managerOptions.pageSize;
  }

  protected override render() {
    const busy = this.state === 'reading' || this.state === 'checking' || this.state === 'importing';
    return html`<section part="base" class="base" aria-labelledby="${this.ids}-title" aria-busy=${busy ? 'true' : 'false'}>
      <h2 part="title" class="title" id="${this.ids}-title">Import reservations</h2>
      <p class="hint" id="${this.ids}-hint">
        A JSON file with one reservation group or an array of groups, as Export writes it. The file is checked here and by a
        dry run on the server before anything is stored; then all of it is imported at once, or nothing.
      </p>
      <div class="field">
        <label for="${this.ids}-file">Reservation file (JSON)</label>
        <input
          part="file-input"
          id="${this.ids}-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="${this.ids}-hint"
          ?disabled=${this.state === 'importing'}
          @change=${this.handleFileChange}
        />
      </div>
      ${this.renderOutcome()}
      <div class="actions">
        <button
          part="import-button"
          class="button primary"
          type="button"
          ?disabled=${this.state !== 'ready'}
          @click=${() => this.import()}
        >
          ${this.state === 'importing' ? 'Importing…' : 'Import'}
        </button>
        <button part="cancel-button" class="button" type="button" ?disabled=${this.state === 'importing'} @click=${this.handleCancel}>
          ${this.state === 'imported' ? 'Close' : 'Cancel'}
        </button>
      </div>
    </section>`;
  }

  private renderOutcome() {
    const file = this.fileName ? `${this.fileName} (${formatBytes(this.fileSize)})` : '';
    switch (this.state) {
      case 'idle':
        return nothing;
      case 'reading':
        return html`<ld-status loading loading-text="Reading ${this.fileName}…"></ld-status>`;
      case 'checking':
        return html`<ld-status loading loading-text="Checking ${this.fileName} with a dry run on the server…"></ld-status>`;
      case 'importing':
        return html`<ld-status loading loading-text="Importing ${this.fileName}…"></ld-status>`;
      case 'syntax-error': {
        const e = this.syntaxError!;
        const markers: CodeMarker[] = [{ line: e.line, column: e.column, message: e.message, severity: 'error' }];
        return html`<div class="result" tabindex="-1" role="alert">
            <p part="summary" class="error-summary">
              ${`${file} is not valid JSON: ${e.message} at line ${e.line}, column ${e.column}. Nothing was sent to the server.`}
            </p>
          </div>
          <ld-code-view part="code" label="Contents of ${this.fileName}" hide-marker-list .text=${this.text} .markers=${markers}></ld-code-view>`;
      }
      case 'invalid':
        return this.renderProblems(
          `${file} has ${this.problems.length === 1 ? '1 problem' : `${this.problems.length} problems`}. Nothing was sent to the server; correct the file and choose it again.`,
        );
      case 'refused':
        return html`${this.renderProblems(
          `The server would refuse ${file}: ${(this.error as Error)?.message ?? 'see below'}. Nothing was stored.`,
        )}${this.problems.length === 0 ? html`<ld-status .error=${this.error} operation="import reservations"></ld-status>` : nothing}`;
      case 'failed':
        return html`${this.problems.length > 0
          ? this.renderProblems(`The import of ${file} failed: ${(this.error as Error)?.message ?? ''}. Nothing was stored.`)
          : html`<div class="result" tabindex="-1"><ld-status .error=${this.error} operation="import reservations"></ld-status></div>`}`;
      case 'ready':
        return this.renderPreview(file);
      case 'imported':
        return this.renderImported();
    }
  }

  private renderProblems(summary: string) {
    const markers: CodeMarker[] = this.problems
      .filter((p) => p.position)
      .map((p) => ({ line: p.position!.line, column: p.position!.column, message: p.message, severity: 'error' as const }));
    return html`<div class="result" tabindex="-1" role="alert" aria-labelledby="${this.ids}-summary">
        <p part="summary" class="error-summary" id="${this.ids}-summary">${summary}</p>
      </div>
      <ol part="problems" class="problems">
        ${this.problems.map(
          (p) => html`<li part="problem" class="problem" data-path=${p.path} data-code=${p.code}>
            <span class="where">${p.where}</span>${p.position
              ? html` <button type="button" class="link-button" @click=${() => this.revealLine(p.position!.line)}>
                  ${`(line ${p.position.line}, column ${p.position.column})`}
                </button>`
              : nothing}:
            <span class="message">${p.message}</span>
            ${p.path ? html`<br /><span class="hint">JSON path <code>${p.path}</code></span>` : nothing}
          </li>`,
        )}
      </ol>
      ${markers.length > 0 && this.text
        ? html`<ld-code-view part="code" label="Contents of ${this.fileName}" hide-marker-list .text=${this.text} .markers=${markers}></ld-code-view>`
        : nothing}`;
  }

  private revealLine(line: number): void {
    void this.renderRoot.querySelector('ld-code-view')?.revealLine(line);
  }

  private renderPreview(file: string) {
    const rows = this.preview;
    const groups = new Set(rows.map((r) => r.groupId));
    const unsatisfiable = rows.filter((r) => !r.satisfiable).length;
    const size = this.effectivePageSize;
    const pageRows = rows.slice((this.previewPage - 1) * size, this.previewPage * size);
    return html`<div class="result" tabindex="-1" role="status">
        <p part="summary">
          ${file} is ready to import: ${groups.size === 1 ? '1 group' : `${groups.size} groups`} with
          ${rows.length === 1 ? '1 reservation entry' : `${rows.length} reservation entries`} would be created.
          ${unsatisfiable === 0
            ? 'All of them can be satisfied with the licenses on the server.'
            : `${unsatisfiable} of them cannot be satisfied with the licenses on the server now (marked below).`}
        </p>
      </div>
      <div class="table-wrap preview">
        <table part="preview" class="table">
          <caption class="visually-hidden">What the import would create</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Device ID</th>
              <th scope="col">ID Type</th>
              <th scope="col">Reservation Group</th>
              <th scope="col">Feature Name</th>
              <th scope="col">Version</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            ${pageRows.map(
              (r) => html`<tr>
                <td>${r.satisfiable ? html`<span class="badge ok">ok</span>` : html`<span class="badge bad">cannot be satisfied</span>`}</td>
                <td>${r.deviceId}</td>
                <td>${r.idType}</td>
                <td>${r.groupName}</td>
                <td>${r.featureName}</td>
                <td>${r.featureVersion}</td>
                <td class="number">${r.featureCount}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${rows.length > size
        ? html`<ld-pager
            .total=${rows.length}
            .pageSize=${size}
            .page=${this.previewPage}
            label="Pages of the import preview"
            @ld-page-change=${(e: CustomEvent<{ pageNumber: number }>) => {
              e.stopPropagation();
              this.previewPage = e.detail.pageNumber;
            }}
          ></ld-pager>`
        : nothing}`;
  }

  private renderImported() {
    const generated = this.imported.filter((g, i) => !this.groups[i]?.name);
    return html`<div class="result" tabindex="-1" role="status">
      <p part="summary" class="success-summary">
        Imported ${this.fileName}: ${this.imported.length === 1 ? '1 group' : `${this.imported.length} groups`} created
        (${this.imported.map((g) => g.name).join(', ')}).
      </p>
      ${generated.length > 0
        ? html`<p class="hint">
            The server named the groups the file left unnamed: ${generated.map((g) => g.name).join(', ')}.
          </p>`
        : nothing}
    </div>`;
  }

  private handleFileChange = async (event: Event): Promise<void> => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) {
      this.clear();
      return;
    }
    await this.check(file);
    await this.focusResult();
  };

  private handleCancel = (): void => {
    this.clear();
    this.dispatchEvent(new LdCancelEvent({ what: 'reservations-import' }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-reservations-import': LdReservationsImport;
  }
}
