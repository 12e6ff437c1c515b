import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { parseModel, type ModelError, type ModelWarning } from '@licensedesk/sdk/model';
import { LdElement } from '../../internal/ld-element.js';
import { LdModelChangeEvent, LdReservationsChangedEvent } from '../../events/admin.js';
import { LdNavigateEvent } from '../../events/navigate.js';
import { errorKey, errorStatus } from '../../internal/errors.js';
import { offerDownload, safeFileName } from '../../internal/download.js';
import { formatBytes } from '../../internal/files.js';
import { uniqueId } from '../../internal/ids.js';
import { DEFAULT_RESERVATION_HOST_ID_TYPES } from '../../internal/reservations.js';
import type { ModelEvaluateResult, ModelStatus } from '../../internal/sdk.js';
import type { CodeMarker, LdCodeView } from '../code-view/code-view.js';
import type { LdHostIdInput } from '../hostid-input/hostid-input.js';
import styles from './model-editor.styles.js';

/** The largest model definition the server accepts: 900 KB. */
export const MODEL_SIZE_LIMIT = 900 * 1024;

interface ModelState {
  status: ModelStatus;
  /** The active definition's text, or null without one. */
  text: string | null;
  /** Reservation groups on the server; a model cannot be uploaded while there are any. */
  reservationGroups: number;
}

/** A file chosen for upload and what the browser-side check found in it. */
interface ChosenModel {
  name: string;
  size: number;
  text: string;
  errors: ModelError[];
  warnings: ModelWarning[];
  /** The name the definition gives itself, when it parsed. */
  modelName?: string;
}

/**
 * @tagname ld-model-editor
 * @summary The model definition of the named license pools: shows the active definition with line
 *   numbers, checks a chosen file in the browser before it is uploaded (errors at their line and
 *   column), uploads it, deletes the active one, and answers "which rule matches this host id?".
 *
 * @description Server refusals are shown the same way as the browser's checks: an invalid
 * definition at its line and column; uploads locked after the last one (Upload stays disabled until
 * the lock ends, with the time to retry); a file over 900 KB; and reservation groups that still
 * exist, with the way out (export the reservations, delete the groups, then upload). A failed
 * upload leaves the active model as it was.
 *
 * @event ld-model-change - A model was uploaded or deleted: `detail {action, name?}`.
 * @event ld-reservations-changed - The way out deleted the reservation groups: `detail {action: "deleted", groups}`.
 * @event ld-navigate - The user asked for the Reservations view: `detail {id: "reservations", href}`. Cancelable.
 * @event ld-download - A file is about to be saved (the model or the reservations export). Cancelable.
 *
 * @csspart base - The whole editor.
 * @csspart title - The heading.
 * @csspart status - The line describing the active model.
 * @csspart active-code - The view of the active definition (an `<ld-code-view>`).
 * @csspart role-note - Says which role an action hidden from the signed-in user needs.
 * @csspart file-input - The native file chooser.
 * @csspart upload-button - The Upload button.
 * @csspart file-code - The view of the chosen file with its problems (an `<ld-code-view>`).
 * @csspart lock-notice - The note shown while uploads are locked.
 * @csspart reservations-notice - The explanation shown while reservation groups exist.
 * @csspart delete-button - Starts deleting the active model.
 * @csspart confirm - The confirmation of a delete.
 * @csspart evaluate-form - The "which rule matches" form.
 * @csspart evaluate-result - Its answer.
 *
 * @cssproperty --ld-model-editor-gap - Space between the sections.
 */
export class LdModelEditor extends LdElement {
  static override styles = styles;

  /** Link to the Reservations view, offered when reservation groups block an upload. */
  @property({ attribute: 'reservations-href' })
  reservationsHref = '#reservations';

  /** Host id types offered in the "which rule matches" form. */
  @property({ attribute: false })
  hostIdTypes: string[] = [...DEFAULT_RESERVATION_HOST_ID_TYPES];

  @state() protected chosen: ChosenModel | null = null;
  @state() protected uploading = false;
  @state() protected uploadError: unknown = undefined;
  /** Line/column problems the server reported for the chosen file. */
  @state() protected serverMarkers: CodeMarker[] = [];
  @state() protected notice = '';
  /** Until when uploads are locked (ms since the epoch), from the status or a 409. */
  @state() protected lockedUntil = 0;
  @state() protected now = Date.now();
  @state() protected reservationsBlock = false;
  @state() protected confirming: 'none' | 'delete-model' | 'delete-reservations' = 'none';
  @state() protected busy = false;
  @state() protected actionError: unknown = undefined;
  /** What the last action tried, for its error text ("Access denied: … delete the reservation groups"). */
  @state() protected actionOperation = 'change the model definition';
  @state() protected evaluation: ModelEvaluateResult | null = null;
  @state() protected evaluateError: unknown = undefined;
  @state() protected evaluating = false;
  @state() protected evalHostId = '';
  @state() protected evalType = 'ETHERNET';
  @state() protected evalHostName = '';
  @state() protected evalHostType = '';
  @state() protected evalProblem = '';
  /** The host id (`value/TYPE`) the shown evaluation is for. */
  @state() protected evaluatedFor = '';
  @state() protected revision = 0;

  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly ids = uniqueId('ld-model');
  private lockTimer?: ReturnType<typeof setInterval>;

  private readonly modelTask = new Task(this, {
    task: async ([client], { signal }): Promise<ModelState> => {
      if (!client) throw new Error('No license server client: place the editor inside an <ld-provider>.');
      const [status, text, groups] = await Promise.all([
        client.model.status({ signal }),
        client.model.get({ signal }),
        client.reservations.list({}, { signal, pageSize: 1 }).getPage(1, 1),
      ]);
      return { status, text, reservationGroups: groups.total };
    },
    args: () => [this.client, this.revision] as const,
    onComplete: (value) => {
      this.reservationsBlock = value.reservationGroups > 0;
      const until = value.status.lockedUntil ? Date.parse(value.status.lockedUntil) : 0;
      if (until > Date.now()) this.lockUntil(until);
    },
  });

  /** Loads the model state again. */
  refresh(): void {
    this.revision += 1;
  }

  /** Problems found in the chosen file, by the browser's check and then by the server. */
  get problems(): readonly CodeMarker[] {
    return [...(this.chosen?.errors.map(toMarker) ?? []), ...this.serverMarkers];
  }

  /** Name of the file chosen for upload, once it has been read and checked; empty without one. */
  get chosenFileName(): string {
    return this.chosen?.name ?? '';
  }

  /** Whether uploads are locked right now. */
  get locked(): boolean {
    return this.lockedUntil > this.now;
  }

  /**
   * Checks a model definition file as if the user had chosen it; resolves with its problems
   * (empty when it can be uploaded).
   */
  async choose(file: File | Blob, name = file instanceof File ? file.name : 'model.txt'): Promise<readonly CodeMarker[]> {
    const text = await file.text();
    const result = parseModel(text);
    const chosen: ChosenModel = { name, size: file.size, text, errors: result.errors, warnings: result.warnings };
    if (result.model) chosen.modelName = result.model.name;
    if (file.size > MODEL_SIZE_LIMIT) {
      chosen.errors = [
        ...chosen.errors,
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          key: 'glsErr.invalidModel',
          message: `The file is ${formatBytes(file.size)}; the license server accepts at most 900 KB.`,
        },
      ];
    }
    this.chosen = chosen;
    this.serverMarkers = [];
    this.uploadError = undefined;
    this.notice = '';
    return this.problems;
  }

  /** Uploads the chosen file; resolves true when the server took it. */
  async upload(): Promise<boolean> {
    const client = this.client;
    const chosen = this.chosen;
    if (!client || !chosen || chosen.errors.length > 0 || this.locked || this.reservationsBlock) return false;
    this.uploading = true;
    this.uploadError = undefined;
    this.serverMarkers = [];
    this.notice = '';
    try {
      const status = await client.model.upload(chosen.text);
      this.notice = `Uploaded ${chosen.name}: model ${status.name ?? chosen.modelName ?? ''} is now active.`;
      this.chosen = null;
      if (this.fileInput) this.fileInput.value = '';
      if (status.lockedUntil) this.lockUntil(Date.parse(status.lockedUntil));
      this.dispatchEvent(new LdModelChangeEvent({ action: 'uploaded', ...(status.name ? { name: status.name } : {}) }));
      this.refresh();
      return true;
    } catch (error) {
      this.handleUploadError(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.upload-result')?.focus();
      return false;
    } finally {
      this.uploading = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.lockTimer) clearInterval(this.lockTimer);
    this.lockTimer = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.lockedUntil > Date.now()) this.lockUntil(this.lockedUntil);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hostIdTypes') && !this.hostIdTypes.includes(this.evalType)) this.evalType = this.hostIdTypes[0] ?? '';
  }

  private handleUploadError(error: unknown): void {
    const key = errorKey(error);
    const status = errorStatus(error);
    this.uploadError = error;
    if (key === 'glsErr.modelLocked') {
      const retryAfter = (error as { retryAfter?: number }).retryAfter;
      const fromArgs = Date.parse((error as { arguments?: string[] }).arguments?.[0] ?? '');
      const until = Number.isFinite(fromArgs) ? fromArgs : Date.now() + (retryAfter ?? 10) * 1000;
      this.lockUntil(until);
    } else if (key === 'glsErr.reservationsExist') {
      this.reservationsBlock = true;
      this.refresh();
    } else if (status === 400) {
      const details = (error as { details?: Array<{ line?: number; column?: number; message: string }> }).details ?? [];
      this.serverMarkers = details
        .filter((d) => typeof d.line === 'number')
        .map((d) => ({ line: d.line!, ...(d.column ? { column: d.column } : {}), message: `${d.message} (reported by the server)`, severity: 'error' as const }));
    }
  }

  private lockUntil(until: number): void {
    this.lockedUntil = until;
    this.now = Date.now();
    if (this.lockTimer) clearInterval(this.lockTimer);
    this.lockTimer = setInterval(() => {
      this.now = Date.now();
      if (this.now >= this.lockedUntil && this.lockTimer) {
        clearInterval(this.lockTimer);
        this.lockTimer = undefined;
      }
    }, 1000);
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="${this.ids}-title">
      <h2 part="title" class="title" id="${this.ids}-title">Model definition</h2>
      ${this.modelTask.render({
        initial: () => html`<ld-status loading loading-text="Loading the model definition…"></ld-status>`,
        pending: () =>
          this.modelTask.value
            ? this.renderModel(this.modelTask.value)
            : html`<ld-status loading loading-text="Loading the model definition…"></ld-status>`,
        complete: (value) => this.renderModel(value),
        error: (error) =>
          html`<ld-status .error=${error} operation="view the model definition" retryable @ld-retry=${() => this.refresh()}></ld-status>`,
      })}
    </section>`;
  }

  private renderModel(model: ModelState) {
    return html`${this.renderStatus(model)}
      <ld-status class="action-status" .error=${this.actionError} operation=${this.actionOperation}></ld-status>
      ${this.notice ? html`<ld-status variant="success" .notice=${this.notice}></ld-status>` : nothing}
      ${this.reservationsBlock ? this.renderReservationsNotice(model) : nothing}
      ${model.text !== null
        ? html`<ld-code-view
            part="active-code"
            class="active-code"
            label="Active model definition"
            .text=${model.text}
            .markers=${this.evaluationMarkers()}
            hide-marker-list
          ></ld-code-view>`
        : nothing}
      ${this.renderUpload()} ${model.status.active ? this.renderDelete(model) : nothing} ${this.renderEvaluate(model)}`;
  }

  private renderStatus(model: ModelState) {
    const { status } = model;
    if (!status.active) {
      return html`<ld-status
        part="status"
        empty
        empty-text="No model definition is active: every license count is in the default pool, served first come, first served."
      ></ld-status>`;
    }
    return html`<p part="status" class="status">
      Active model <strong class="mono">${status.name ?? ''}</strong>${status.uploadedAt ? html`, uploaded ${formatTime(status.uploadedAt)}` : nothing}${typeof status.size === 'number'
        ? html`, ${formatBytes(status.size)}`
        : nothing}.
    </p>`;
  }

  private renderReservationsNotice(model: ModelState) {
    const n = model.reservationGroups;
    return html`<div part="reservations-notice" class="notice" role="note" aria-labelledby="${this.ids}-res">
      <p id="${this.ids}-res">
        <strong>A model definition cannot be uploaded while reservation groups exist${n > 0 ? ` (${n} now)` : ''}.</strong>
      </p>
      <p>
        The license server does not allow reservations and named license pools at the same time. Export the reservations so you can
        restore them later, delete the reservation groups, then upload the model.
      </p>
      <div class="actions">
        <button class="button" type="button" ?disabled=${this.busy} @click=${this.handleExportReservations}>Export reservations</button>
        ${this.confirming === 'delete-reservations'
          ? html`<div part="confirm" class="confirm" role="group" aria-labelledby="${this.ids}-confirm-res">
              <span id="${this.ids}-confirm-res">Delete all ${n === 1 ? 'reservation group' : `${n} reservation groups`}? This cannot be undone.</span>
              <button class="button danger" type="button" ?disabled=${this.busy} @click=${this.handleDeleteReservations}>Delete the groups</button>
              <button class="button" type="button" ?disabled=${this.busy} @click=${() => (this.confirming = 'none')}>Keep them</button>
            </div>`
          : this.canDeleteReservations
            ? html`<button class="button danger" type="button" ?disabled=${this.busy} @click=${() => this.confirm('delete-reservations')}>
                Delete the reservation groups…
              </button>`
            : nothing}
        <a class="button" href=${this.reservationsHref} @click=${this.handleGoToReservations}>Go to Reservations</a>
      </div>
      ${this.canDeleteReservations
        ? nothing
        : html`<p part="role-note" class="hint">Deleting reservation groups needs the Reservations role; ask an administrator to delete them.</p>`}
    </div>`;
  }

  private renderUpload() {
    const chosen = this.chosen;
    const problems = this.problems;
    const locked = this.locked;
    const disabled = !chosen || problems.length > 0 || locked || this.reservationsBlock || this.uploading;
    const why = !chosen
      ? 'Choose a file first.'
      : problems.length > 0
        ? 'Correct the problems in the file first.'
        : locked
          ? 'Uploads are locked for now.'
          : this.reservationsBlock
            ? 'Reservation groups exist.'
            : '';
    return html`<div class="section upload">
      <h3 class="subtitle" id="${this.ids}-upload">Upload a model definition</h3>
      <div class="field">
        <label for="${this.ids}-file">Model definition file</label>
        <input
          part="file-input"
          id="${this.ids}-file"
          type="file"
          accept=".model,.txt,text/plain"
          aria-describedby="${this.ids}-file-hint"
          ?disabled=${this.uploading}
          @change=${this.handleFileChange}
        />
        <p class="hint" id="${this.ids}-file-hint">
          Plain text, at most 900 KB. It is checked here before it is sent; the active model stays as it is if the upload fails.
        </p>
      </div>
      ${locked ? this.renderLockNotice() : nothing}
      <div class="actions">
        <button
          part="upload-button"
          class="button primary"
          type="button"
          ?disabled=${disabled}
          aria-describedby=${why ? `${this.ids}-why` : nothing}
          @click=${() => this.upload()}
        >
          ${this.uploading ? 'Uploading…' : 'Upload'}
        </button>
        ${why && chosen ? html`<span class="hint" id="${this.ids}-why">${why}</span>` : html`<span class="visually-hidden" id="${this.ids}-why">${why}</span>`}
      </div>
      ${this.renderUploadResult()}
    </div>`;
  }

  private renderLockNotice() {
    const seconds = Math.max(1, Math.ceil((this.lockedUntil - this.now) / 1000));
    return html`<p part="lock-notice" class="notice lock-notice">
      Uploads are locked after the last model upload until ${formatTime(new Date(this.lockedUntil).toISOString())} (about ${seconds}
      ${seconds === 1 ? 'second' : 'seconds'} from now). Upload is available again then; your file stays chosen.
    </p>`;
  }

  private renderUploadResult() {
    const chosen = this.chosen;
    const problems = this.problems;
    const key = errorKey(this.uploadError);
    const status = errorStatus(this.uploadError);
    const explained = key === 'glsErr.modelLocked' || key === 'glsErr.reservationsExist';
    const tooLarge = status === 413 || key === 'glsErr.modelTooLarge';
    return html`<div class="upload-result" tabindex="-1">
      ${chosen && problems.length > 0
        ? html`<p class="error-summary" role="alert">
            ${chosen.name} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}${this.serverMarkers.length > 0
              ? ' (the server refused it)'
              : ''}; correct ${problems.length === 1 ? 'it' : 'them'} and choose the file again.
          </p>`
        : nothing}
      ${tooLarge
        ? html`<p class="error-summary" role="alert">
            The server refused the file as too large: a model definition may be at most 900 KB. ${(this.uploadError as Error).message}
          </p>`
        : nothing}
      ${this.uploadError && !explained && !tooLarge && this.serverMarkers.length === 0
        ? html`<ld-status .error=${this.uploadError} operation="upload a model definition"></ld-status>`
        : nothing}
      ${this.uploadError && explained
        ? html`<p class="hint" role="alert">The server said: ${(this.uploadError as Error).message}</p>`
        : nothing}
      ${chosen && problems.length === 0 && !this.uploadError
        ? html`<p class="hint" role="status">
            ${chosen.name} (${formatBytes(chosen.size)}) defines model ${chosen.modelName ?? ''} and has no problems; press Upload to make it active.
          </p>`
        : nothing}
      ${chosen && (problems.length > 0 || chosen.warnings.length > 0)
        ? html`<ld-code-view
            part="file-code"
            class="file-code"
            label="Contents of ${chosen.name}"
            .text=${chosen.text}
            .markers=${[...problems, ...chosen.warnings.map((w) => ({ line: w.line, column: w.column, endColumn: w.endLine === w.line ? w.endColumn : undefined, message: w.message, severity: 'warning' as const }))]}
          ></ld-code-view>`
        : nothing}
    </div>`;
  }

  private renderDelete(model: ModelState) {
    return html`<div class="section">
      <h3 class="subtitle">Delete the model definition</h3>
      <p class="hint">
        Without a model every license count returns to the default pool. Reservations can be managed only after the model is deleted.
      </p>
      ${this.confirming === 'delete-model'
        ? html`<div part="confirm" class="confirm" role="group" aria-labelledby="${this.ids}-confirm">
            <span id="${this.ids}-confirm">Delete model ${model.status.name ?? ''}? Export it first if you may need it again.</span>
            <button class="button" type="button" ?disabled=${this.busy} @click=${this.handleExportModel}>Export the model</button>
            <button class="button danger" type="button" ?disabled=${this.busy} @click=${this.handleDeleteModel}>Delete</button>
            <button class="button" type="button" ?disabled=${this.busy} @click=${() => (this.confirming = 'none')}>Keep it</button>
          </div>`
        : html`<div class="actions">
            <button class="button" type="button" @click=${this.handleExportModel}>Export the model</button>
            ${this.canAdminister
              ? html`<button part="delete-button" class="button danger" type="button" @click=${() => this.confirm('delete-model')}>Delete the model…</button>`
              : nothing}
          </div>
          ${this.canAdminister ? nothing : html`<p part="role-note" class="hint">Deleting the model definition needs the Admin role.</p>`}`}
    </div>`;
  }

  private renderEvaluate(model: ModelState) {
    const result = this.evaluation;
    return html`<form part="evaluate-form" class="section evaluate" novalidate @submit=${this.handleEvaluate} aria-labelledby="${this.ids}-eval">
      <h3 class="subtitle" id="${this.ids}-eval">Which rule matches this host id?</h3>
      <p class="hint">
        A dry run: tells which rule of the ${model.status.active ? 'active' : 'default'} model would decide a request from this device, and which pools
        would serve it. Nothing is changed.
      </p>
      <div class="eval-grid">
        <div class="field host-field">
          <ld-hostid-input
            id="${this.ids}-eval-host"
            name="hostId"
            label="Host ID"
            type-label="ID Type"
            .types=${this.hostIdTypes}
            .value=${this.evalHostId}
            .type=${this.evalType}
            aria-describedby=${this.evalProblem ? `${this.ids}-eval-error` : nothing}
            @input=${(e: Event) => {
              const input = e.currentTarget as LdHostIdInput;
              this.evalHostId = input.value;
              this.evalType = input.type;
              this.evalProblem = '';
            }}
          ></ld-hostid-input>
          ${this.evalProblem ? html`<p class="error" id="${this.ids}-eval-error" role="alert">${this.evalProblem}</p>` : nothing}
        </div>
        <div class="field">
          <label for="${this.ids}-eval-name">Host name (optional)</label>
          <input id="${this.ids}-eval-name" type="text" autocomplete="off" .value=${this.evalHostName} @input=${(e: Event) => (this.evalHostName = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="${this.ids}-eval-htype">Host type (optional)</label>
          <input id="${this.ids}-eval-htype" type="text" autocomplete="off" .value=${this.evalHostType} @input=${(e: Event) => (this.evalHostType = (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.evaluating}>${this.evaluating ? 'Checking…' : 'Check'}</button>
      </div>
      <ld-status .error=${this.evaluateError} operation="evaluate the model"></ld-status>
      ${result
        ? html`<div part="evaluate-result" class="evaluate-result" role="status" data-for=${this.evaluatedFor}>
            <p>
              <strong>${result.decision === 'accept' ? 'Accepted' : 'Denied'}</strong>${result.decision === 'accept'
                ? html`: served from ${result.pools.length === 1 ? 'pool' : 'pools'} <span class="mono">${result.pools.join(', ')}</span>`
                : nothing}.
            </p>
            ${result.rule
              ? html`<p>
                  Decided by rule ${result.rule.index + 1} at line ${result.rule.line}, column ${result.rule.column}:
                  <code class="rule-text">${result.rule.text}</code>
                  ${model.text !== null
                    ? html`<button type="button" class="link-button" @click=${() => this.revealRule(result.rule!.line)}>Show it in the model</button>`
                    : nothing}
                </p>`
              : html`<p>
                  No rule matched: the implicit last rule <code>on any() { use "default" accept }</code> decided. If you expected a rule to match,
                  compare its host id with the one the device sends (type, separators, case).
                </p>`}
          </div>`
        : nothing}
    </form>`;
  }

  private evaluationMarkers(): CodeMarker[] {
    const rule = this.evaluation?.rule;
    if (!rule || rule.line < 1) return [];
    return [{ line: rule.line, column: rule.column, message: `This rule decides for ${this.evaluatedFor}.`, severity: 'info' }];
  }

  private revealRule(line: number): void {
    void this.renderRoot.querySelector<LdCodeView>('ld-code-view.active-code')?.revealLine(line);
  }

  /** Whether the signed-in user may delete reservation groups (security off: everyone may). */
  private get canDeleteReservations(): boolean {
    return this.roles.length === 0 || this.hasRole('ROLE_RESERVATIONS');
  }

  /** Whether the signed-in user may change or delete the model definition (security off: everyone may). */
  private get canAdminister(): boolean {
    return this.roles.length === 0 || this.hasRole('ROLE_ADMIN');
  }

  private async confirm(what: 'delete-model' | 'delete-reservations'): Promise<void> {
    this.confirming = what;
    this.actionError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm"] .button.danger')?.focus();
  }

  private handleFileChange = async (event: Event): Promise<void> => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) {
      this.chosen = null;
      return;
    }
    const problems = await this.choose(file);
    await this.updateComplete;
    if (problems.length > 0) this.renderRoot.querySelector<HTMLElement>('.upload-result')?.focus();
  };

  private handleExportModel = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    this.actionOperation = 'export the model definition';
    try {
      const text = await client.model.get();
      if (text === null) return this.refresh();
      const name = this.modelTask.value?.status.name ?? 'model';
      offerDownload(this, `${safeFileName(name, 'model')}.model`, new Blob([text], { type: 'text/plain' }));
    } catch (error) {
      this.actionError = error;
    }
  };

  private handleDeleteModel = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    this.busy = true;
    this.actionError = undefined;
    this.actionOperation = 'delete the model definition';
    try {
      await client.model.delete();
      this.confirming = 'none';
      this.notice = 'The model definition was deleted; every license count is back in the default pool.';
      this.evaluation = null;
      this.dispatchEvent(new LdModelChangeEvent({ action: 'deleted' }));
      this.refresh();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  };

  private handleExportReservations = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    this.actionOperation = 'export the reservations';
    try {
      const groups = await client.reservations.export();
      offerDownload(this, 'reservations.json', new Blob([`${JSON.stringify(groups, null, 2)}\n`], { type: 'application/json' }));
    } catch (error) {
      this.actionError = error;
    }
  };

  private handleDeleteReservations = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    this.busy = true;
    this.actionError = undefined;
    this.actionOperation = 'delete the reservation groups';
    const deleted: string[] = [];
    try {
      const groups = await client.reservations.list().all();
      for (const group of groups) {
        await client.reservations.delete(group.id);
        deleted.push(group.name);
      }
      this.confirming = 'none';
      this.reservationsBlock = false;
      this.uploadError = undefined;
      this.notice = `Deleted ${deleted.length === 1 ? '1 reservation group' : `${deleted.length} reservation groups`}; the model can be uploaded now.`;
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
      if (deleted.length > 0) this.dispatchEvent(new LdReservationsChangedEvent({ action: 'deleted', groups: deleted }));
      this.refresh();
    }
  };

  private handleGoToReservations = (event: MouseEvent): void => {
    const navigate = new LdNavigateEvent({ id: 'reservations', href: this.reservationsHref });
    this.dispatchEvent(navigate);
    if (navigate.defaultPrevented) event.preventDefault();
  };

  private handleEvaluate = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    if (!client) return;
    const value = this.evalHostId.trim();
    if (value === '') {
      this.evalProblem = 'Enter the host id the device sends.';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${this.ids}-eval-host`)?.focus();
      return;
    }
    this.evaluating = true;
    this.evaluateError = undefined;
    const type = this.evalType;
    try {
      const result = await client.model.evaluate({
        hostId: { value, type },
        ...(this.evalHostName.trim() ? { hostName: this.evalHostName.trim() } : {}),
        ...(this.evalHostType.trim() ? { hostType: this.evalHostType.trim() } : {}),
      });
      this.evaluatedFor = `${value}/${type}`;
      this.evaluation = result;
    } catch (error) {
      this.evaluation = null;
      this.evaluateError = error;
    } finally {
      this.evaluating = false;
    }
  };
}

function toMarker(error: ModelError): CodeMarker {
  return {
    line: error.line,
    column: error.column,
    ...(error.endLine === error.line && error.endColumn > error.column ? { endColumn: error.endColumn } : {}),
    message: error.message,
    severity: 'error',
  };
}

/** A date-time for people, in the browser's locale and time zone. */
function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-model-editor': LdModelEditor;
  }
}
