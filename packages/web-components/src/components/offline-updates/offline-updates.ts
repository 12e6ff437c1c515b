import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LdElement } from '../../internal/ld-element.js';
import { LdCancelEvent, LdOfflineResponseUploadEvent } from '../../events/admin.js';
import { errorKey, errorStatus, isAbort } from '../../internal/errors.js';
import { binaryBlob, offerDownload, safeFileName } from '../../internal/download.js';
import { formatBytes } from '../../internal/files.js';
import { focusSoon } from '../../internal/focus.js';
import { uniqueId } from '../../internal/ids.js';
import type { CapabilityResponseResult, LicenseChange } from '../../internal/sdk.js';
import styles from './offline-updates.styles.js';

/** Where the response upload stands. */
export const RESPONSE_UPLOAD_STATES = ['idle', 'reading', 'sending', 'done', 'failed'] as const;
export type ResponseUploadState = (typeof RESPONSE_UPLOAD_STATES)[number];

/** What each refusal of a response file means, for people. */
const RESPONSE_ERRORS: Record<string, { title: string; message: string }> = {
  'glsErr.invalidResponse': {
    title: 'Not a capability response',
    message: 'The file is not a capability response from the back office, or it is damaged. Check that you chose the response file (.bin) the back office sent.',
  },
  'glsErr.responseTampered': {
    title: 'The response was changed',
    message: 'The file was changed after the back office signed it, so the server does not trust it. Ask the back office for the response again and upload it unchanged.',
  },
  'glsErr.responseForeign': {
    title: 'The response is for another license server',
    message: 'The back office made this response for a different license server. Upload it to the server it was made for, or send a request from this server.',
  },
  'glsErr.responseStale': {
    title: 'The response is out of date',
    message: 'The response answers a request that was already answered or replaced by a newer one. Download a new request, send it to the back office and upload its response.',
  },
};

const MAX_RESPONSE_SIZE = 16 * 1024 * 1024;

/**
 * @tagname ld-offline-updates
 * @summary Offline Server Updates: download a capability (or confirmation) request, generate an
 *   offline activation request from an activation id and count, and upload the back office's
 *   response, with a progress indicator and what changed in the licenses.
 *
 * @description Request and response files are binary and travel byte for byte: downloads save the
 * server's bytes as they came, uploads send the chosen file unchanged as `application/octet-stream`
 * (or as the `file` field of a multipart form with `multipart`). Needs ROLE_OFFLINE or ROLE_ADMIN;
 * otherwise the server's access-denied answer is shown.
 *
 * @event ld-download - A request file is about to be saved: `detail {fileName, blob}`. Cancelable.
 * @event ld-offline-response-upload - The server applied a response: `detail {fileName, confirmationRequestNeeded, changes}`.
 * @event ld-cancel - The user cancelled the response upload (`detail.what = "offline-response"`).
 *
 * @csspart base - The whole view.
 * @csspart title - The heading.
 * @csspart section - Each of the three sections.
 * @csspart role-note - Says that the signed-in user lacks the role offline updates need (the actions are then disabled).
 * @csspart capability-button - Downloads the capability request.
 * @csspart activation-form - The activation request form.
 * @csspart activation-id-input - The Activation ID field.
 * @csspart count-input - The Count field.
 * @csspart field-error - A message under a field.
 * @csspart generate-button - Generates and downloads the activation request.
 * @csspart file-input - The native chooser of the response file.
 * @csspart upload-button - Uploads the response.
 * @csspart cancel-button - Cancels the upload.
 * @csspart progress - The progress indicator.
 * @csspart result - The outcome of the upload.
 * @csspart changes - A table of added, updated or removed features.
 *
 * @cssproperty --ld-offline-updates-gap - Space between the sections.
 */
export class LdOfflineUpdates extends LdElement {
  static override styles = styles;

  /** Send the response as a multipart form (field `file`) instead of a raw octet-stream body. */
  @property({ type: Boolean })
  multipart = false;


  /** Moves focus to the heading once the first data is shown (for a host that routes to this view). */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  private focusedOnLoad = false;
  @state() protected capabilityBusy = false;
  @state() protected capabilityError: unknown = undefined;
  @state() protected capabilityNotice = '';

  @state() protected activationId = '';
  @state() protected count = '';
  @state() protected touched = new Set<'activationId' | 'count'>();
  @state() protected countServerError = '';
  @state() protected activationBusy = false;
  @state() protected activationError: unknown = undefined;
  @state() protected activationNotice = '';

  @state() protected responseFile: File | null = null;
  @state() protected responseProblem = '';
  @state() protected uploadState: ResponseUploadState = 'idle';
  @state() protected uploadError: unknown = undefined;
  @state() protected result: CapabilityResponseResult | null = null;
  @state() protected resultFileName = '';

  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly ids = uniqueId('ld-offline');
  private controller?: AbortController;

  /** Where the response upload stands. */
  get responseUploadState(): ResponseUploadState {
    return this.uploadState;
  }

  /** Downloads the capability (or confirmation) request; resolves with its bytes. */
  async downloadCapabilityRequest(): Promise<Blob | null> {
    const client = this.client;
    if (!client) return null;
    this.capabilityBusy = true;
    this.capabilityError = undefined;
    this.capabilityNotice = '';
    try {
      const blob = binaryBlob(await client.offline.capabilityRequest());
      offerDownload(this, 'capability-request.bin', blob);
      this.capabilityNotice = `Saved capability-request.bin (${formatBytes(blob.size)}). Send it to the back office; upload its response below.`;
      return blob;
    } catch (error) {
      this.capabilityError = error;
      return null;
    } finally {
      this.capabilityBusy = false;
    }
  }

  /** Generates and downloads an activation request from the form; resolves with its bytes. */
  async generateActivationRequest(): Promise<Blob | null> {
    this.touched = new Set(['activationId', 'count']);
    this.countServerError = '';
    const problems = this.activationProblems;
    if (problems.activationId || problems.count) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(problems.activationId ? `#${this.ids}-activation` : `#${this.ids}-count`)?.focus();
      return null;
    }
    const client = this.client;
    if (!client) return null;
    const activationId = this.activationId.trim();
    const count = Number(this.count.trim());
    this.activationBusy = true;
    this.activationError = undefined;
    this.activationNotice = '';
    try {
      const blob = binaryBlob(await client.offline.activationRequest({ activationId, count }));
      const fileName = `activation-request-${safeFileName(activationId, 'activation')}.bin`;
      offerDownload(this, fileName, blob);
      this.activationNotice = `Saved ${fileName} (${formatBytes(blob.size)}): ${count === 0 ? `returns all counts of ${activationId}` : `asks for ${count} of ${activationId}`}. Send it to the back office.`;
      return blob;
    } catch (error) {
      if (errorKey(error) === 'glsErr.invalidCount') {
        const details = (error as { details?: Array<{ path?: string; message: string }> }).details ?? [];
        this.countServerError = (error as Error).message || details.find((d) => d.path === 'count')?.message || 'The server refused this count.';
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#${this.ids}-count`)?.focus();
      } else {
        this.activationError = error;
      }
      return null;
    } finally {
      this.activationBusy = false;
    }
  }

  /** Uploads a response file (the chosen one when none is given); resolves with the server's result. */
  async uploadResponse(file: File | null = this.responseFile): Promise<CapabilityResponseResult | null> {
    const client = this.client;
    if (!client || !file) return null;
    const problem = checkResponseFile(file);
    if (problem) {
      this.responseProblem = problem;
      return null;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.uploadError = undefined;
    this.result = null;
    this.uploadState = 'reading';
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (controller.signal.aborted) return null;
      this.uploadState = 'sending';
      let body: Uint8Array | FormData = bytes;
      if (this.multipart) {
        const form = new FormData();
        form.append('file', new File([bytes], file.name || 'response.bin', { type: 'application/octet-stream' }));
        body = form;
      }
      const result = await client.offline.uploadResponse(body, { signal: controller.signal });
      this.result = result;
      this.resultFileName = file.name;
      this.uploadState = 'done';
      this.responseFile = null;
      if (this.fileInput) this.fileInput.value = '';
      this.dispatchEvent(
        new LdOfflineResponseUploadEvent({
          fileName: file.name,
          confirmationRequestNeeded: result.confirmationRequestNeeded,
          changes: result.changes ?? { added: [], updated: [], removed: [] },
        }),
      );
      await this.focusResult();
      return result;
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) {
        this.uploadState = 'idle';
        return null;
      }
      this.uploadError = error;
      this.resultFileName = file.name;
      this.uploadState = 'failed';
      await this.focusResult();
      return null;
    }
  }

  /** Stops an upload in progress and forgets the chosen response file. */
  cancel(): void {
    this.controller?.abort();
    this.responseFile = null;
    this.responseProblem = '';
    this.uploadState = 'idle';
    this.uploadError = undefined;
    this.result = null;
    if (this.fileInput) this.fileInput.value = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private get activationProblems(): { activationId?: string; count?: string } {
    const problems: { activationId?: string; count?: string } = {};
    if (this.activationId.trim() === '') problems.activationId = 'Enter the activation id from the back office.';
    const count = this.count.trim();
    if (count === '') problems.count = 'Enter a count: a whole number, 0 or more.';
    else if (!/^\d+$/.test(count) || !Number.isSafeInteger(Number(count))) problems.count = 'The count must be a whole number, 0 or more (0 returns all).';
    else if (this.countServerError) problems.count = this.countServerError;
    return problems;
  }

  private async focusResult(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.result')?.focus();
  }

  protected override updated(): void {
    if (this.focusOnLoad && !this.focusedOnLoad) {
      this.focusedOnLoad = true;
      focusSoon(this.renderRoot.querySelector<HTMLElement>('h2'));
    }
  }

  /** Whether the signed-in user may make requests and upload responses (ROLE_OFFLINE or ROLE_ADMIN; security off: everyone). */
  private get canUpdate(): boolean {
    return this.roles.length === 0 || this.hasRole('ROLE_OFFLINE') || this.hasRole('ROLE_ADMIN');
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="${this.ids}-title">
      <h2 part="title" class="title" id="${this.ids}-title" tabindex="-1">Offline Server Updates</h2>
      <p class="hint">
        For license servers that cannot reach the back office: carry request files to the back office and its response files back.
      </p>
      ${this.canUpdate
        ? nothing
        : html`<p part="role-note" class="notice" id="${this.ids}-role">
            Offline updates need the Offline or Admin role. Your account can only view this page; ask an administrator.
          </p>`}
      ${this.renderCapability()} ${this.renderActivation()} ${this.renderResponse()}
    </section>`;
  }

  private renderCapability() {
    return html`<section part="section" class="section" aria-labelledby="${this.ids}-cap">
      <h3 class="subtitle" id="${this.ids}-cap">Capability request</h3>
      <p class="hint">
        A signed request for license updates (also the confirmation request the back office may ask for after a response).
      </p>
      <div class="actions">
        <button part="capability-button" class="button" type="button" ?disabled=${this.capabilityBusy || !this.canUpdate} aria-describedby=${this.canUpdate ? nothing : `${this.ids}-role`} @click=${() => this.downloadCapabilityRequest()}>
          ${this.capabilityBusy ? 'Preparing…' : 'Download request (.bin)'}
        </button>
      </div>
      <ld-status .error=${this.capabilityError} operation="download a capability request"></ld-status>
      ${this.capabilityNotice ? html`<ld-status variant="success" .notice=${this.capabilityNotice}></ld-status>` : nothing}
    </section>`;
  }

  private renderActivation() {
    const problems = this.activationProblems;
    const idError = this.touched.has('activationId') ? problems.activationId : undefined;
    const countError = this.touched.has('count') || this.countServerError ? problems.count : undefined;
    const returnAll = this.count.trim() !== '' && /^0+$/.test(this.count.trim());
    return html`<section part="section" class="section" aria-labelledby="${this.ids}-act">
      <h3 class="subtitle" id="${this.ids}-act">Offline activation request</h3>
      <form part="activation-form" novalidate @submit=${this.handleGenerate}>
        <div class="grid">
          <div class="field">
            <label for="${this.ids}-activation">Activation ID</label>
            <input
              part="input activation-id-input"
              id="${this.ids}-activation"
              type="text"
              autocomplete="off"
              spellcheck="false"
              required
              .value=${live(this.activationId)}
              aria-invalid=${idError ? 'true' : 'false'}
              aria-describedby=${idError ? `${this.ids}-activation-error` : nothing}
              @input=${(e: Event) => this.handleActivationInput('activationId', (e.target as HTMLInputElement).value)}
              @blur=${(e: Event) => (e.target as HTMLInputElement).value !== '' && this.touch('activationId')}
            />
            ${idError ? html`<p part="field-error" class="error" id="${this.ids}-activation-error">${idError}</p>` : nothing}
          </div>
          <div class="field">
            <label for="${this.ids}-count">Count</label>
            <input
              part="input count-input"
              id="${this.ids}-count"
              type="text"
              inputmode="numeric"
              autocomplete="off"
              required
              .value=${live(this.count)}
              aria-invalid=${countError ? 'true' : 'false'}
              aria-describedby="${this.ids}-count-hint${countError ? ` ${this.ids}-count-error` : ''}"
              @input=${(e: Event) => this.handleActivationInput('count', (e.target as HTMLInputElement).value)}
              @blur=${(e: Event) => (e.target as HTMLInputElement).value !== '' && this.touch('count')}
            />
            <p class="hint" id="${this.ids}-count-hint">
              ${returnAll ? html`<strong>0 = return all</strong> counts of this activation to the back office.` : 'The new total, a whole number; 0 = return all.'}
            </p>
            ${countError ? html`<p part="field-error" class="error" id="${this.ids}-count-error">${countError}</p>` : nothing}
          </div>
        </div>
        <div class="actions">
          <button part="generate-button" class="button" type="submit" ?disabled=${this.activationBusy || !this.canUpdate} aria-describedby=${this.canUpdate ? nothing : `${this.ids}-role`}>
            ${this.activationBusy ? 'Generating…' : 'Generate request (.bin)'}
          </button>
        </div>
      </form>
      <ld-status .error=${this.activationError} operation="generate an activation request"></ld-status>
      ${this.activationNotice ? html`<ld-status variant="success" .notice=${this.activationNotice}></ld-status>` : nothing}
    </section>`;
  }

  private renderResponse() {
    const busy = this.uploadState === 'reading' || this.uploadState === 'sending';
    return html`<section part="section" class="section" aria-labelledby="${this.ids}-resp" aria-busy=${busy ? 'true' : 'false'}>
      <h3 class="subtitle" id="${this.ids}-resp">Upload a response</h3>
      <div class="field">
        <label for="${this.ids}-file">Response file from the back office (.bin)</label>
        <input
          part="file-input"
          id="${this.ids}-file"
          type="file"
          accept=".bin,application/octet-stream"
          aria-describedby=${this.responseProblem ? `${this.ids}-file-error` : nothing}
          aria-invalid=${this.responseProblem ? 'true' : 'false'}
          ?disabled=${busy}
          @change=${this.handleFileChange}
        />
        ${this.responseProblem ? html`<p part="field-error" class="error" id="${this.ids}-file-error">${this.responseProblem}</p>` : nothing}
      </div>
      <div class="actions">
        <button part="upload-button" class="button primary" type="button" ?disabled=${!this.responseFile || busy || !this.canUpdate} aria-describedby=${this.canUpdate ? nothing : `${this.ids}-role`} @click=${() => this.uploadResponse()}>
          Upload
        </button>
        <button part="cancel-button" class="button" type="button" ?disabled=${!this.responseFile && !busy && this.uploadState === 'idle'} @click=${this.handleCancel}>
          Cancel
        </button>
      </div>
      ${busy
        ? html`<div class="progress-row" role="status">
            <progress part="progress" aria-label="Uploading ${this.responseFile?.name ?? 'the response'}"></progress>
            <span>${this.uploadState === 'reading' ? 'Reading the file…' : 'Sending the response; the server applies it…'}</span>
          </div>`
        : nothing}
      ${this.renderResult()}
    </section>`;
  }

  private renderResult() {
    if (this.uploadState === 'failed') {
      const known = RESPONSE_ERRORS[errorKey(this.uploadError) ?? ''];
      if (known && errorStatus(this.uploadError) === 400) {
        return html`<div part="result" class="result failed" tabindex="-1" role="alert" data-key=${errorKey(this.uploadError) ?? ''}>
          <p class="result-title">${known.title}: ${this.resultFileName} was not applied.</p>
          <p>${known.message}</p>
          <p class="hint">The server said: ${(this.uploadError as Error).message}</p>
          <p class="hint">The licenses on the server are unchanged.</p>
        </div>`;
      }
      return html`<div part="result" class="result" tabindex="-1">
        <ld-status .error=${this.uploadError} operation="upload a capability response"></ld-status>
      </div>`;
    }
    if (this.uploadState !== 'done' || !this.result) return nothing;
    const changes = this.result.changes ?? { added: [], updated: [], removed: [] };
    const total = changes.added.length + changes.updated.length + changes.removed.length;
    return html`<div part="result" class="result done" tabindex="-1" role="status">
      <p class="result-title">The server applied ${this.resultFileName}.</p>
      <p>
        ${total === 0
          ? 'The response changed nothing in the licenses.'
          : `Licenses changed: ${changes.added.length} added, ${changes.updated.length} updated, ${changes.removed.length} removed.`}
      </p>
      ${this.result.confirmationRequestNeeded
        ? html`<p class="notice">The back office asks for a confirmation: download a request above and send it to the back office.</p>`
        : nothing}
      ${this.renderChanges('Added', changes.added)} ${this.renderChanges('Updated', changes.updated)}
      ${this.renderChanges('Removed', changes.removed)}
    </div>`;
  }

  private renderChanges(title: string, list: readonly LicenseChange[]) {
    if (list.length === 0) return nothing;
    return html`<div class="table-wrap">
      <table part="changes" class="table" data-kind=${title.toLowerCase()}>
        <caption class="caption">${title} (${list.length})</caption>
        <thead>
          <tr>
            <th scope="col">Feature Name</th>
            <th scope="col">Version</th>
            <th scope="col">Count</th>
            <th scope="col">Expiry</th>
          </tr>
        </thead>
        <tbody>
          ${list.map(
            (c) => html`<tr>
              <td>${c.featureName}</td>
              <td>${c.featureVersion}</td>
              <td class="number">${c.featureCount ?? ''}</td>
              <td>${c.expiry === null || c.expiry === undefined || /^permanent$/i.test(c.expiry) ? 'Permanent' : c.expiry}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private touch(field: 'activationId' | 'count'): void {
    if (!this.touched.has(field)) this.touched = new Set(this.touched).add(field);
  }

  private handleActivationInput(field: 'activationId' | 'count', value: string): void {
    if (field === 'activationId') this.activationId = value;
    else this.count = value;
    this.countServerError = '';
    this.activationNotice = '';
    if (value !== '') this.touch(field);
  }

  private handleGenerate = (event: Event): void => {
    event.preventDefault();
    void this.generateActivationRequest();
  };

  private handleFileChange = (event: Event): void => {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.responseFile = file;
    this.responseProblem = file ? checkResponseFile(file) : '';
    if (this.uploadState === 'done' || this.uploadState === 'failed') {
      this.uploadState = 'idle';
      this.result = null;
      this.uploadError = undefined;
    }
  };

  private handleCancel = (): void => {
    this.cancel();
    this.dispatchEvent(new LdCancelEvent({ what: 'offline-response' }));
  };
}

/** Problems with a response file that are certain before sending it; empty when none. */
function checkResponseFile(file: File): string {
  if (file.size === 0) return `${file.name} is empty; choose the response file the back office sent.`;
  if (file.size > MAX_RESPONSE_SIZE) return `${file.name} is ${formatBytes(file.size)}; a capability response is far smaller. Choose the response file the back office sent.`;
  return '';
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-offline-updates': LdOfflineUpdates;
  }
}
