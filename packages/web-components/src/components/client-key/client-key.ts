import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { LdElement } from '../../internal/ld-element.js';
import { LdCancelEvent, LdClientKeyChangeEvent } from '../../events/admin.js';
import { errorKey, errorStatus } from '../../internal/errors.js';
import { base64ToBytes, formatBytes, sha256Fingerprint } from '../../internal/files.js';
import { focusSoon } from '../../internal/focus.js';
import { uniqueId } from '../../internal/ids.js';
import styles from './client-key.styles.js';

/** The client key the server holds, as shown. */
export interface ClientKeyInfo {
  /** SHA-256 of the DER bytes, as colon-separated upper-case hex pairs. */
  fingerprint: string;
  /** Size of the DER encoding in bytes. */
  size: number;
  /** RSA modulus length when the browser could read the key. */
  modulusLength?: number;
}

const MAX_KEY_FILE = 64 * 1024;

/**
 * @tagname ld-client-key
 * @summary Client Key Operations: shows the client-side RSA public key the server holds (its SHA-256
 *   fingerprint), uploads a new one from a DER file, and deletes it.
 *
 * @description The key must be an RSA 2048-bit public key, DER-encoded (SubjectPublicKeyInfo). The
 * obvious wrong files (empty, PEM text, an OpenSSH key line, not DER at all) are caught here with
 * what to do instead; anything else (a 1024-bit or an EC key, for example) is sent and the server's
 * explanation shown. Every operation needs administrator credentials: without them the view shows
 * access denied.
 *
 * @event ld-client-key-change - A key was uploaded or deleted: `detail {fingerprint | null}`.
 * @event ld-cancel - The user pressed Cancel (`detail.what = "client-key"`).
 *
 * @csspart base - The whole view.
 * @csspart title - The heading.
 * @csspart current - The description of the key the server holds.
 * @csspart fingerprint - The fingerprint text.
 * @csspart delete-button - Starts deleting the key.
 * @csspart confirm - The delete confirmation.
 * @csspart file-input - The native file chooser.
 * @csspart upload-button - The Upload button.
 * @csspart cancel-button - The Cancel button.
 * @csspart file-error - The problem found in the chosen file.
 * @csspart result - The outcome of an upload.
 *
 * @cssproperty --ld-client-key-gap - Space between the sections.
 */
export class LdClientKey extends LdElement {
  static override styles = styles;


  /** Moves focus to the heading once the first data is shown (for a host that routes to this view). */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  private focusedOnLoad = false;
  @state() protected file: File | null = null;
  @state() protected fileProblem = '';
  @state() protected uploading = false;
  @state() protected uploadError: unknown = undefined;
  @state() protected notice = '';
  @state() protected confirming = false;
  @state() protected deleting = false;
  @state() protected actionError: unknown = undefined;
  @state() protected revision = 0;

  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly ids = uniqueId('ld-clientkey');

  private readonly keyTask = new Task(this, {
    task: async ([client], { signal }): Promise<ClientKeyInfo | null> => {
      if (!client) throw new Error('No license server client: place the view inside an <ld-provider>.');
      const key = await client.keys.get({ signal });
      if (!key) return null;
      return describeKey(base64ToBytes(key.publicKey));
    },
    args: () => [this.client, this.revision] as const,
  });

  /** The key the server holds, once loaded (null when there is none). */
  get currentKey(): ClientKeyInfo | null | undefined {
    return this.keyTask.value;
  }

  /** Loads the current key again. */
  refresh(): void {
    this.revision += 1;
  }

  /**
   * Uploads a key file (the chosen one when none is given): checks the obvious mistakes first, then
   * sends the bytes unchanged. Resolves with the new key, or null when it was refused.
   */
  async upload(file: File | Blob | null = this.file): Promise<ClientKeyInfo | null> {
    const client = this.client;
    if (!client || !file) return null;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = file instanceof File ? file.name : 'the file';
    const problem = checkKeyBytes(bytes, name);
    this.notice = '';
    this.uploadError = undefined;
    if (problem) {
      this.fileProblem = problem;
      await this.focusSelector('#' + `${this.ids}-file`);
      return null;
    }
    this.uploading = true;
    try {
      const key = await client.keys.upload(bytes);
      const info = await describeKey(base64ToBytes(key.publicKey));
      this.notice = `Uploaded ${name}: the server now holds the key with SHA-256 fingerprint ${info.fingerprint}.`;
      this.file = null;
      this.fileProblem = '';
      if (this.fileInput) this.fileInput.value = '';
      this.dispatchEvent(new LdClientKeyChangeEvent({ fingerprint: info.fingerprint }));
      this.refresh();
      return info;
    } catch (error) {
      this.uploadError = error;
      await this.focusSelector('.upload-result');
      return null;
    } finally {
      this.uploading = false;
    }
  }

  private async focusSelector(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override updated(): void {
    if (this.focusOnLoad && !this.focusedOnLoad && this.keyTask.status !== TaskStatus.INITIAL && this.keyTask.status !== TaskStatus.PENDING) {
      this.focusedOnLoad = true;
      focusSoon(this.renderRoot.querySelector<HTMLElement>('h2'));
    }
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="${this.ids}-title">
      <h2 part="title" class="title" id="${this.ids}-title" tabindex="-1">Client Key Operations</h2>
      <p class="hint">
        The RSA public key of the client side of REST-driven licensing. The server checks signed requests with it. Needs administrator
        credentials.
      </p>
      ${this.keyTask.render({
        initial: () => html`<ld-status loading loading-text="Loading the client key…"></ld-status>`,
        pending: () =>
          this.keyTask.value !== undefined
            ? this.renderContent(this.keyTask.value)
            : html`<ld-status loading loading-text="Loading the client key…"></ld-status>`,
        complete: (key) => this.renderContent(key),
        error: (error) =>
          errorStatus(error) === 404
            ? this.renderContent(null)
            : html`<ld-status .error=${error} operation="manage the client key" retryable @ld-retry=${() => this.refresh()}></ld-status>`,
      })}
    </section>`;
  }

  private renderContent(key: ClientKeyInfo | null) {
    return html`${this.renderCurrent(key)} ${this.renderUpload()}`;
  }

  private renderCurrent(key: ClientKeyInfo | null) {
    if (!key) {
      return html`<div part="current" class="section current">
        <h3 class="subtitle">Current key</h3>
        <ld-status empty empty-text="The server holds no client public key."></ld-status>
        ${this.notice ? html`<ld-status variant="success" .notice=${this.notice}></ld-status>` : nothing}
      </div>`;
    }
    return html`<div part="current" class="section current">
      <h3 class="subtitle">Current key</h3>
      <dl class="facts">
        <dt>SHA-256 fingerprint</dt>
        <dd><code part="fingerprint" class="fingerprint">${key.fingerprint}</code></dd>
        <dt>Key</dt>
        <dd>${key.modulusLength ? `RSA ${key.modulusLength}-bit` : 'RSA'}, ${formatBytes(key.size)} DER</dd>
      </dl>
      ${this.notice ? html`<ld-status variant="success" .notice=${this.notice}></ld-status>` : nothing}
      <ld-status .error=${this.actionError} operation="delete the client key"></ld-status>
      ${this.confirming
        ? html`<div part="confirm" class="confirm" role="group" aria-labelledby="${this.ids}-confirm">
            <span id="${this.ids}-confirm">Delete the client key? Clients signing requests with its private key are refused until a new key is uploaded.</span>
            <button class="button danger" type="button" ?disabled=${this.deleting} @click=${this.handleDelete}>Delete</button>
            <button class="button" type="button" ?disabled=${this.deleting} @click=${() => (this.confirming = false)}>Keep it</button>
          </div>`
        : html`<div class="actions">
            <button part="delete-button" class="button danger" type="button" @click=${this.handleConfirm}>Delete the key…</button>
          </div>`}
    </div>`;
  }

  private renderUpload() {
    const key = errorKey(this.uploadError);
    return html`<div class="section upload">
      <h3 class="subtitle">Upload a key</h3>
      <div class="field">
        <label for="${this.ids}-file">Public key file (DER, RSA 2048-bit)</label>
        <input
          part="file-input"
          id="${this.ids}-file"
          type="file"
          accept=".der,.key,.pub,application/octet-stream,application/pkix-spki"
          aria-invalid=${this.fileProblem ? 'true' : 'false'}
          aria-describedby="${this.ids}-file-hint${this.fileProblem ? ` ${this.ids}-file-error` : ''}"
          ?disabled=${this.uploading}
          @change=${this.handleFileChange}
        />
        <p class="hint" id="${this.ids}-file-hint">
          A binary DER SubjectPublicKeyInfo. From a PEM file: <code>openssl pkey -pubin -in key.pem -outform DER -out key.der</code>
        </p>
        ${this.fileProblem ? html`<p part="file-error" class="error" id="${this.ids}-file-error">${this.fileProblem}</p>` : nothing}
      </div>
      <div class="actions">
        <button
          part="upload-button"
          class="button primary"
          type="button"
          ?disabled=${!this.file || !!this.fileProblem || this.uploading}
          @click=${() => this.upload()}
        >
          ${this.uploading ? 'Uploading…' : 'Upload'}
        </button>
        <button part="cancel-button" class="button" type="button" ?disabled=${this.uploading} @click=${this.handleCancel}>Cancel</button>
      </div>
      <div class="upload-result" tabindex="-1">
        ${this.uploadError && key === 'glsErr.invalidPublicKey'
          ? html`<div part="result" class="result failed" role="alert">
              <p class="result-title">The server refused the key; the current key is unchanged.</p>
              <p>${(this.uploadError as Error).message}</p>
            </div>`
          : this.uploadError
            ? html`<ld-status part="result" .error=${this.uploadError} operation="upload a client key"></ld-status>`
            : nothing}
      </div>
    </div>`;
  }

  private handleFileChange = async (event: Event): Promise<void> => {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file = file;
    this.uploadError = undefined;
    this.notice = '';
    this.fileProblem = file ? checkKeyBytes(new Uint8Array(await file.slice(0, MAX_KEY_FILE + 1).arrayBuffer()), file.name) : '';
  };

  private handleCancel = (): void => {
    this.file = null;
    this.fileProblem = '';
    this.uploadError = undefined;
    if (this.fileInput) this.fileInput.value = '';
    this.dispatchEvent(new LdCancelEvent({ what: 'client-key' }));
  };

  private handleConfirm = async (): Promise<void> => {
    this.confirming = true;
    this.actionError = undefined;
    await this.focusSelector('[part~="confirm"] .button.danger');
  };

  private handleDelete = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    this.deleting = true;
    this.actionError = undefined;
    try {
      await client.keys.delete();
      this.confirming = false;
      this.notice = 'The client key was deleted.';
      this.dispatchEvent(new LdClientKeyChangeEvent({ fingerprint: null }));
      this.refresh();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.deleting = false;
    }
  };
}

/** The mistakes that are certain from the bytes alone; empty when the file may be a DER key. */
export function checkKeyBytes(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) return `${name} is empty. Choose the DER file of an RSA 2048-bit public key.`;
  if (bytes.length > MAX_KEY_FILE) return `${name} is larger than any public key file; choose the DER file of an RSA 2048-bit public key.`;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (/^\s*-----BEGIN /.test(head)) {
    const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(head)?.[1] ?? 'PEM';
    if (/PRIVATE/.test(label)) {
      return `${name} holds a private key (PEM "${label}"). Never upload a private key; export its public key as DER: openssl pkey -in key.pem -pubout -outform DER -out key.der`;
    }
    return `${name} is PEM text ("-----BEGIN ${label}-----"), not DER. Convert it: openssl pkey -pubin -in ${name} -outform DER -out key.der`;
  }
  if (/^(ssh-rsa|ssh-ed25519|ecdsa-sha2-)/.test(head)) {
    return `${name} is an OpenSSH public key line, not DER. Convert it: ssh-keygen -e -m PKCS8 -f ${name} > key.pem, then openssl pkey -pubin -in key.pem -outform DER -out key.der`;
  }
  // Every DER public key starts with a SEQUENCE (0x30).
  if (bytes[0] !== 0x30) return `${name} is not a DER-encoded key (DER starts with byte 0x30). Choose the DER file of an RSA 2048-bit public key.`;
  return '';
}

/** Fingerprint and, when the browser can read it, the RSA size of a DER public key. */
export async function describeKey(der: Uint8Array): Promise<ClientKeyInfo> {
  const info: ClientKeyInfo = { fingerprint: await sha256Fingerprint(der), size: der.length };
  try {
    const key = await crypto.subtle.importKey('spki', der as BufferSource, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
    const algorithm = key.algorithm as RsaHashedKeyAlgorithm;
    if (typeof algorithm.modulusLength === 'number') info.modulusLength = algorithm.modulusLength;
  } catch {
    // Not readable by this browser: the fingerprint is still right.
  }
  return info;
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-client-key': LdClientKey;
  }
}
