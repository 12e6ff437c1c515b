import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LdElement } from '../../internal/ld-element.js';
import { LdCancelEvent, LdReservationsChangedEvent } from '../../events/admin.js';
import { errorKey } from '../../internal/errors.js';
import { uniqueId } from '../../internal/ids.js';
import {
  DEFAULT_RESERVATION_HOST_ID_TYPES,
  buildGroupInput,
  checkEntryFields,
  entryOfDetail,
  type EntryField,
  type PendingEntry,
} from '../../internal/reservations.js';
import type { ReservationGroup } from '../../internal/sdk.js';
import { hostIdKey } from '@licensedesk/sdk';
import styles from './reservation-form.styles.js';

type FieldName = EntryField | 'groupName';

const FIELD_ORDER: FieldName[] = ['groupName', 'deviceId', 'idType', 'featureName', 'featureVersion', 'featureCount'];

const EMPTY_ENTRY: Record<EntryField, string> = {
  deviceId: '',
  idType: 'ETHERNET',
  featureName: '',
  featureVersion: '',
  featureCount: '',
};

let entryCounter = 0;

/**
 * @tagname ld-reservation-form
 * @summary Adds a reservation group, or edits one in place: type entries (device id, id type,
 *   feature, version, count) with checks as you type, collect them in "Reservations (Pending
 *   Submission)", then Submit. Server refusals are shown at the entry they are about.
 *
 * @description Without `group` the form creates a new group (POST). With `group` it starts from that
 * group's entries and Submit replaces the group atomically (PUT): when the server refuses, the group
 * stays as it was and every entry typed here stays in the form.
 *
 * @event ld-reservations-changed - The group was saved: `detail {action: "created" | "replaced", groups: [name]}`.
 * @event ld-cancel - The user pressed Cancel; the host closes the form.
 *
 * @csspart base - The whole form.
 * @csspart title - The heading.
 * @csspart form - The entry form.
 * @csspart field - One labelled field.
 * @csspart input - Every text input and select.
 * @csspart field-error - The message under a field.
 * @csspart entry - The fieldset of one entry.
 * @csspart actions - A row of buttons.
 * @csspart add-button - The Add button.
 * @csspart clear-button - The Clear button.
 * @csspart submit-button - The Submit button.
 * @csspart cancel-button - The Cancel button.
 * @csspart pending - The pending-submission table.
 * @csspart pending-row - One pending entry; rows the server refused also have `pending-row-error`.
 * @csspart entry-error - The server's message in a refused row.
 * @csspart remove-button - The button removing a pending entry.
 *
 * @cssproperty --ld-reservation-form-gap - Space between fields of an entry.
 * @cssproperty --ld-reservation-form-error-background - Background of a pending row the server refused.
 */
export class LdReservationForm extends LdElement {
  static override styles = styles;

  /** The group to edit; without it the form adds a new group. */
  @property({ attribute: false })
  group: ReservationGroup | null = null;

  /** Host id types to offer (the server's producer-defined list); ETHERNET, STRING, USER and VM_UUID by default. */
  @property({ attribute: false })
  hostIdTypes: string[] = [...DEFAULT_RESERVATION_HOST_ID_TYPES];

  @state() protected groupName = '';
  @state() protected entry: Record<EntryField, string> = { ...EMPTY_ENTRY };
  @state() protected touched = new Set<FieldName>();
  @state() protected pending: PendingEntry[] = [];
  /** Server messages for pending entries, by entry key. */
  @state() protected entryErrors = new Map<string, string>();
  @state() protected nameError = '';
  @state() protected pendingError = '';
  @state() protected submitting = false;
  @state() protected submitError: unknown = undefined;
  @state() protected saved = '';

  private readonly ids = uniqueId('ld-resform');

  /** The entries waiting to be submitted. */
  get pendingEntries(): readonly PendingEntry[] {
    return this.pending;
  }

  /** Empties the form (group name, entry and pending list). */
  reset(): void {
    this.groupName = this.group?.name ?? '';
    this.entry = { ...EMPTY_ENTRY, idType: this.hostIdTypes[0] ?? '' };
    this.touched = new Set();
    this.pending = this.group ? pendingFromGroup(this.group) : [];
    this.entryErrors = new Map();
    this.nameError = '';
    this.pendingError = '';
    this.submitError = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('group')) {
      this.reset();
      this.saved = '';
    } else if (changed.has('hostIdTypes') && !this.hostIdTypes.includes(this.entry.idType)) {
      this.entry = { ...this.entry, idType: this.hostIdTypes[0] ?? '' };
    }
  }

  private get fieldProblems(): Partial<Record<FieldName, string>> {
    const problems: Partial<Record<FieldName, string>> = checkEntryFields(this.entry, this.hostIdTypes);
    if (this.groupName.trim() === '') problems.groupName = 'Enter a name for the group.';
    else if (this.nameError) problems.groupName = this.nameError;
    const { featureName, featureVersion, deviceId, idType } = this.entry;
    if (!problems.featureName && !problems.featureVersion && !problems.deviceId) {
      const key = hostIdKey({ value: deviceId.trim(), type: idType });
      const twin = this.pending.find(
        (p) => hostIdKey({ value: p.deviceId, type: p.idType }) === key && p.featureName === featureName.trim() && sameVersion(p.featureVersion, featureVersion.trim()),
      );
      if (twin) problems.featureName = `Feature ${twin.featureName} ${twin.featureVersion} is already pending for this device; remove it first to change its count.`;
    }
    return problems;
  }

  protected override render() {
    const problems = this.fieldProblems;
    const shown = (field: FieldName) => (this.touched.has(field) ? problems[field] : undefined);
    const editing = this.group !== null;
    return html`<section part="base" class="base" aria-labelledby="${this.ids}-title">
      <h2 part="title" id="${this.ids}-title" class="title">
        ${editing ? `Edit reservation group ${this.group!.name}` : 'Add a reservation group'}
      </h2>
      ${editing
        ? html`<p class="hint">Submit replaces the group as a whole. If the server refuses the change, the group stays as it was and your entries stay here.</p>`
        : nothing}
      <ld-status class="summary" tabindex="-1" .error=${this.submitError} operation="change reservations"></ld-status>
      ${this.saved ? html`<ld-status variant="success" .notice=${this.saved}></ld-status>` : nothing}
      <form part="form" novalidate @submit=${this.handleAdd}>
        ${this.renderField('groupName', 'Group Name', this.groupName, shown('groupName'), 'text')}
        <fieldset part="entry" class="entry">
          <legend>Reservation entry</legend>
          <div class="entry-grid">
            ${this.renderField('deviceId', 'Device ID', this.entry.deviceId, shown('deviceId'), 'text')}
            ${this.renderTypeField(shown('idType'))}
            ${this.renderField('featureName', 'Feature Name', this.entry.featureName, shown('featureName'), 'text')}
            ${this.renderField('featureVersion', 'Version', this.entry.featureVersion, shown('featureVersion'), 'text', 'Such as 1.0')}
            ${this.renderField('featureCount', 'Count', this.entry.featureCount, shown('featureCount'), 'numeric', 'A positive whole number')}
          </div>
          <div part="actions" class="actions">
            <button part="add-button" class="button" type="submit">Add</button>
            <button part="clear-button" class="button" type="button" @click=${this.handleClear}>Clear</button>
          </div>
        </fieldset>
      </form>
      ${this.renderPending()}
      <div part="actions" class="actions">
        <button part="submit-button" class="button primary" type="button" ?disabled=${this.submitting} @click=${this.handleSubmit}>
          ${this.submitting ? 'Submitting…' : 'Submit'}
        </button>
        <button part="cancel-button" class="button" type="button" ?disabled=${this.submitting} @click=${this.handleCancel}>Cancel</button>
      </div>
    </section>`;
  }

  private renderField(name: FieldName, label: string, value: string, error: string | undefined, kind: 'text' | 'numeric', hint?: string) {
    const id = `${this.ids}-${name}`;
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <label for=${id}>${label}</label>
      <input
        part="input"
        id=${id}
        name=${name}
        type="text"
        inputmode=${kind === 'numeric' ? 'numeric' : 'text'}
        autocomplete="off"
        spellcheck="false"
        required
        .value=${live(value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this.handleInput(name, (e.target as HTMLInputElement).value)}
        @blur=${(e: Event) => {
          // Leaving an empty field is not an error yet: "required" is checked on Add and Submit.
          if ((e.target as HTMLInputElement).value !== '') this.touch(name);
        }}
      />
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p part="field-error" class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderTypeField(error: string | undefined) {
    const id = `${this.ids}-idType`;
    return html`<div part="field" class="field">
      <label for=${id}>ID Type</label>
      <select
        part="input"
        id=${id}
        name="idType"
        required
        .value=${live(this.entry.idType)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @change=${(e: Event) => this.handleInput('idType', (e.target as HTMLSelectElement).value)}
      >
        ${this.hostIdTypes.map((t) => html`<option value=${t} ?selected=${t === this.entry.idType}>${t}</option>`)}
      </select>
      ${error ? html`<p part="field-error" class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderPending() {
    const id = `${this.ids}-pending`;
    return html`<h3 class="subtitle" id=${id}>Reservations (Pending Submission)</h3>
      ${this.pendingError ? html`<p class="error" role="alert" id="${id}-error">${this.pendingError}</p>` : nothing}
      ${this.pending.length === 0
        ? html`<p class="hint">No entries yet: fill in an entry above and press Add.</p>`
        : html`<div class="table-wrap">
            <table part="pending" class="table" aria-labelledby=${id}>
              <thead>
                <tr>
                  <th scope="col">Device ID</th>
                  <th scope="col">ID Type</th>
                  <th scope="col">Feature Name</th>
                  <th scope="col">Version</th>
                  <th scope="col">Count</th>
                  <th scope="col">Problem</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.pending.map((p) => {
                  const problem = this.entryErrors.get(p.key);
                  return html`<tr part=${problem ? 'pending-row pending-row-error' : 'pending-row'} class=${problem ? 'refused' : ''} data-key=${p.key}>
                    <td>${p.deviceId}</td>
                    <td>${p.idType}</td>
                    <td>${p.featureName}</td>
                    <td>${p.featureVersion}</td>
                    <td class="number">${p.featureCount}</td>
                    <td>${problem ? html`<span part="entry-error" class="error entry-error" tabindex="-1">${problem}</span>` : nothing}</td>
                    <td>
                      <button
                        part="remove-button"
                        class="button small"
                        type="button"
                        aria-label="Remove ${p.featureName} ${p.featureVersion} for ${p.deviceId}"
                        ?disabled=${this.submitting}
                        @click=${() => this.removePending(p.key)}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`}`;
  }

  private handleInput(name: FieldName, value: string): void {
    if (name === 'groupName') {
      this.groupName = value;
      this.nameError = '';
    } else {
      this.entry = { ...this.entry, [name]: value };
    }
    // Checks run as the user types: a field shows its problem once something was typed into it.
    if (value !== '' || this.touched.has(name)) this.touch(name);
    this.saved = '';
  }

  private touch(name: FieldName): void {
    if (this.touched.has(name)) return;
    this.touched = new Set(this.touched).add(name);
  }

  private handleAdd = async (event: Event): Promise<void> => {
    event.preventDefault();
    const entryFields: EntryField[] = ['deviceId', 'idType', 'featureName', 'featureVersion', 'featureCount'];
    this.touched = new Set([...this.touched, ...entryFields]);
    const problems = this.fieldProblems;
    if (entryFields.some((f) => problems[f])) {
      await this.focusFirstProblem(entryFields);
      return;
    }
    entryCounter += 1;
    this.pending = [
      ...this.pending,
      {
        key: `e${entryCounter}`,
        deviceId: this.entry.deviceId.trim(),
        idType: this.entry.idType,
        featureName: this.entry.featureName.trim(),
        featureVersion: this.entry.featureVersion.trim(),
        featureCount: Number(this.entry.featureCount.trim()),
      },
    ];
    this.pendingError = '';
    // Keep the device so several features can be reserved for it; empty the feature fields.
    this.entry = { ...this.entry, featureName: '', featureVersion: '', featureCount: '' };
    const kept = new Set(this.touched);
    for (const f of ['featureName', 'featureVersion', 'featureCount'] as const) kept.delete(f);
    this.touched = kept;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${this.ids}-featureName`)?.focus();
  };

  private handleClear = (): void => {
    this.entry = { ...EMPTY_ENTRY, idType: this.hostIdTypes[0] ?? '' };
    const kept = new Set(this.touched);
    for (const f of ['deviceId', 'idType', 'featureName', 'featureVersion', 'featureCount'] as const) kept.delete(f);
    this.touched = kept;
    this.renderRoot.querySelector<HTMLInputElement>(`#${this.ids}-deviceId`)?.focus();
  };

  private removePending(key: string): void {
    this.pending = this.pending.filter((p) => p.key !== key);
    const errors = new Map(this.entryErrors);
    errors.delete(key);
    this.entryErrors = errors;
  }

  private handleCancel = (): void => {
    this.dispatchEvent(new LdCancelEvent({ what: 'reservation-form' }));
  };

  private handleSubmit = async (): Promise<void> => {
    this.touch('groupName');
    this.saved = '';
    if (this.groupName.trim() === '') {
      await this.focusFirstProblem(['groupName']);
      return;
    }
    if (this.pending.length === 0) {
      this.pendingError = 'Add at least one entry before submitting.';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#${this.ids}-deviceId`)?.focus();
      return;
    }
    const client = this.client;
    if (!client) {
      this.submitError = new Error('No license server client: place the form inside an <ld-provider> or set its client.');
      return;
    }
    const name = this.groupName.trim();
    const { input, positions } = buildGroupInput(name, this.pending);
    this.submitting = true;
    this.submitError = undefined;
    this.entryErrors = new Map();
    this.nameError = '';
    try {
      const editing = this.group;
      if (editing) await client.reservations.replace(editing.id, input);
      else await client.reservations.create(input);
      this.dispatchEvent(new LdReservationsChangedEvent({ action: editing ? 'replaced' : 'created', groups: [name] }));
      this.saved = editing ? `Reservation group ${name} was replaced.` : `Reservation group ${name} was created.`;
      if (!editing) {
        this.pending = [];
        this.groupName = '';
        this.touched = new Set();
      }
    } catch (error) {
      this.submitError = error;
      this.applyServerProblems(error, input, positions);
      await this.updateComplete;
      const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .entry-error');
      (first ?? this.renderRoot.querySelector<HTMLElement>('.summary'))?.focus();
    } finally {
      this.submitting = false;
    }
  };

  /** Points the server's refusal at the group name or at the entries it is about. */
  private applyServerProblems(error: unknown, input: ReturnType<typeof buildGroupInput>['input'], positions: Map<string, string>): void {
    const key = errorKey(error);
    const details = (error as { details?: Array<{ path?: string; message: string }> }).details ?? [];
    const errors = new Map<string, string>();
    const add = (entryKey: string | undefined, message: string) => {
      if (!entryKey) return;
      errors.set(entryKey, errors.has(entryKey) ? `${errors.get(entryKey)} ${message}` : message);
    };
    if (key === 'glsErr.duplicateGroupName') {
      this.nameError = `A group named ${input.name} already exists. Choose another name.`;
      this.touch('groupName');
    }
    for (const detail of details) {
      if (detail.path && /^\$(?:\[0\])?\.name$/.test(detail.path)) {
        this.nameError = detail.message;
        this.touch('groupName');
        continue;
      }
      const at = entryOfDetail(detail, [input]);
      if (at) {
        add(positions.get(`${at.reservation}/${at.entry}`), detail.message);
        continue;
      }
      // A path to a whole reservation (duplicate host id): mark each of its entries.
      const reservation = detail.path ? /\.reservations\[(\d+)\](?:\.hostId.*)?$/.exec(detail.path) : null;
      if (reservation) {
        const r = Number(reservation[1]);
        for (const [position, entryKey] of positions) if (position.startsWith(`${r}/`)) add(entryKey, detail.message);
      }
    }
    if (key === 'glsErr.duplicateHostId' && errors.size === 0) {
      // No paths: mark the entries whose device id the message names.
      for (const p of this.pending) if ((error as Error).message.includes(p.deviceId)) add(p.key, (error as Error).message);
    }
    this.entryErrors = errors;
  }

  private async focusFirstProblem(fields: FieldName[]): Promise<void> {
    await this.updateComplete;
    const problems = this.fieldProblems;
    const first = FIELD_ORDER.find((f) => fields.includes(f) && problems[f]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${this.ids}-${first}`)?.focus();
  }
}

function sameVersion(a: string, b: string): boolean {
  const norm = (v: string) => {
    const [major = '', minor = '0'] = v.split('.');
    return `${Number(major)}.${Number(minor)}`;
  };
  return norm(a) === norm(b);
}

function pendingFromGroup(group: ReservationGroup): PendingEntry[] {
  const entries: PendingEntry[] = [];
  for (const reservation of group.reservations ?? []) {
    for (const entry of reservation.reservationEntries ?? []) {
      entryCounter += 1;
      entries.push({
        key: `e${entryCounter}`,
        deviceId: reservation.hostId.value,
        idType: reservation.hostId.type,
        featureName: entry.featureName,
        featureVersion: entry.featureVersion,
        featureCount: entry.featureCount,
      });
    }
  }
  return entries;
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-reservation-form': LdReservationForm;
  }
}
