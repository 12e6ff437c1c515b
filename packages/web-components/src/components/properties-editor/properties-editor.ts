import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import { formatHostIdSpec, parseDuration, parseHostIdSpec, sameHostId } from '@licensedesk/sdk';
import { LdPropertiesSaveEvent } from '../../events/properties.js';
import { describeError, isAbort } from '../../internal/errors.js';
import { focusSoon } from '../../internal/focus.js';
import { uniqueId } from '../../internal/ids.js';
import { LdElement } from '../../internal/ld-element.js';
import type { HealthInfo, HostIdList, ServerHostId, Setting, SettingValue } from '../../internal/sdk.js';
import { baseStyles, buttonStyles, fieldStyles } from '../../internal/styles.js';
import styles from './properties-editor.styles.js';

/** Sections of the view in display order; settings in other groups follow these. */
export const PROPERTY_GROUPS = [
  'General',
  'Secure REST API settings',
  'Server sync settings',
  'License generation',
  'Server-to-server sync',
  'Capability polling',
  'Locally deployed license server settings',
  'Logging',
] as const;

const GROUP_TITLES: Record<string, string> = {
  'Server sync settings': 'Server sync settings (to the back office)',
  'Server-to-server sync': 'Server-to-server sync (failover)',
};

interface Loaded {
  settings: Setting[];
  hostids: HostIdList | null;
  health: HealthInfo | null;
}

type Edit = string | boolean;

function display(value: SettingValue | null | undefined, type?: string): string {
  if (value === null || value === undefined || value === '') return type === 'hostid' ? 'none selected' : '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/**
 * @tagname ld-properties-editor
 * @summary License Server Properties: the server's policy settings in collapsible groups, with the
 * host id selection, per-field validation, Save (only the changes, all or nothing) and Cancel.
 *
 * @description Loads settings (`client.settings.list()`), host ids and health through the SDK.
 * General shows the server's host ids (physical / virtual / removable), the selected one, server
 * version, instance id and status; a missing host id source is flagged, and changing the selected
 * host id needs the new id typed again plus a warning that licenses must be returned and trusted
 * storage reset. Producer-only settings are read-only with a note; users without ROLE_ADMIN (or with
 * `readonly`) see values without edit controls. Values are checked as typed: durations (`30s`, `5m`,
 * `2h`, `1d`, `1w`), whole numbers, yes/no, allowed values. Server errors are shown on their fields.
 *
 * @event ld-properties-save - Settings were saved: `detail {changes}` with the names and new values.
 *
 * @csspart base - The container.
 * @csspart heading - The view heading.
 * @csspart group - Each collapsible section.
 * @csspart group-toggle - The button that opens or closes a section.
 * @csspart group-body - The content of a section.
 * @csspart setting - Each setting row.
 * @csspart input - Each input or selector.
 * @csspart hostids - The host id table.
 * @csspart facts - The list of server facts in General.
 * @csspart actions - The Save / Cancel row.
 * @csspart save-button - The Save button.
 * @csspart cancel-button - The Cancel button.
 *
 * @cssproperty --ld-properties-editor-gap - Space between sections.
 * @cssproperty --ld-properties-editor-border-color - Border color of sections.
 * @cssproperty --ld-properties-editor-background - Background of sections.
 * @cssproperty --ld-properties-editor-header-background - Background of section headers.
 * @cssproperty --ld-properties-editor-actions-background - Background of the sticky Save / Cancel row.
 */
export class LdPropertiesEditor extends LdElement {
  static override styles = [baseStyles, buttonStyles, fieldStyles, styles];

  /** Shows values only, even to an administrator. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** Heading text. */
  @property()
  heading = 'License Server Properties';

  /** Focus the heading when the view appears. */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  @state() private settings: Setting[] = [];
  @state() private edits = new Map<string, Edit>();
  @state() private errors: Record<string, string> = {};
  @state() private open = new Set<string>(['General']);
  @state() private saving = false;
  @state() private saveError: unknown = undefined;
  @state() private notice = '';
  @state() private confirmText = '';

  private readonly uid = uniqueId('ld-props');
  private focused = false;

  /** Loads settings, host ids and health; re-runs when the client or the signed-in user changes. */
  readonly data = new Task(this, {
    task: async ([client], { signal }): Promise<Loaded | undefined> => {
      if (!client) return undefined;
      const [settings, hostids, health] = await Promise.all([
        client.settings.list({ signal }),
        client.hostids.get({ signal }).catch((error: unknown) => {
          if (isAbort(error)) throw error;
          return null;
        }),
        client.health.get({ signal }).then(
          (h) => h.LLS,
          (error: unknown) => {
            if (isAbort(error)) throw error;
            return null;
          },
        ),
      ]);
      this.settings = settings;
      this.edits = new Map();
      this.errors = {};
      this.confirmText = '';
      return { settings, hostids, health };
    },
    args: () => [this.client, this.providedSession?.user ?? this.client?.session?.user ?? null] as const,
  });

  /** Loads everything again (unsaved changes are dropped). */
  refresh(): void {
    void this.data.run();
  }

  /** Whether the user may change settings here. */
  get canEdit(): boolean {
    if (this.readonly) return false;
    if (this.hasRole('ROLE_ADMIN')) return true;
    const loaded = this.data.value;
    return !!loaded?.health && loaded.health.security === 'disabled';
  }

  /** The settings that differ from the server's values, as they would be sent. */
  get changes(): Record<string, SettingValue> {
    const changes: Record<string, SettingValue> = {};
    for (const [name, edit] of this.edits) {
      const setting = this.settings.find((s) => s.name === name);
      if (!setting) continue;
      const value = this.toValue(setting, edit);
      if (value === undefined || this.same(setting, value)) continue;
      changes[name] = value;
    }
    return changes;
  }

  protected override updated(): void {
    if (this.focusOnLoad && !this.focused && this.data.value) {
      this.focused = true;
      focusSoon(this.renderRoot.querySelector<HTMLElement>('h2'));
    }
  }

  protected override render() {
    return html`<div part="base" class="base">
      <h2 part="heading" tabindex="-1">${this.heading}</h2>
      ${this.client
        ? this.data.render({
            initial: () => html`<ld-status loading></ld-status>`,
            pending: () =>
              this.data.value ? this.renderLoaded(this.data.value) : html`<ld-status loading loading-text="Loading the properties…"></ld-status>`,
            complete: (loaded) => (loaded ? this.renderLoaded(loaded) : nothing),
            error: (error) =>
              html`<ld-status
                .error=${error}
                operation="view the license server properties"
                retryable
                @ld-retry=${this.refresh}
              ></ld-status>`,
          })
        : html`<ld-status notice="No license server is configured."></ld-status>`}
    </div>`;
  }

  private renderLoaded(loaded: Loaded) {
    const groups = this.groupNames();
    const editable = this.canEdit;
    const dirty = Object.keys(this.changes).length > 0;
    return html`
      <p class="intro">
        ${editable
          ? 'Change a setting and Save; Cancel discards the changes. Settings that only the software producer may change are shown read-only.'
          : 'You can view these settings. Changing them needs an administrator login.'}
      </p>
      ${groups.map((group) => this.renderGroup(group, loaded, editable))}
      ${this.saveError !== undefined ? html`<ld-status .error=${this.saveError} operation="change the license server properties"></ld-status>` : nothing}
      ${this.notice ? html`<ld-status variant="success" .notice=${this.notice}></ld-status>` : nothing}
      ${editable
        ? html`<div part="actions" class="actions">
            <button part="save-button" class="button primary" type="button" ?disabled=${this.saving} @click=${this.handleSave}>
              ${this.saving ? 'Saving…' : 'Save'}
            </button>
            <button part="cancel-button" class="button" type="button" ?disabled=${this.saving || !dirty} @click=${this.handleCancel}>
              Cancel
            </button>
          </div>`
        : nothing}
    `;
  }

  private groupNames(): string[] {
    const present = new Set(this.settings.map((s) => s.group));
    const known: string[] = PROPERTY_GROUPS.filter((g) => present.has(g) || g === 'General');
    const others = [...present].filter((g) => !(PROPERTY_GROUPS as readonly string[]).includes(g)).sort();
    return [...known, ...others];
  }

  private renderGroup(group: string, loaded: Loaded, editable: boolean) {
    const settings = this.settings.filter((s) => s.group === group && s.type !== 'hostid');
    const isOpen = this.open.has(group);
    const bodyId = `${this.uid}-${group.replace(/\W+/g, '-')}`;
    return html`<section part="group" class="group" data-group=${group}>
      <h3>
        <button
          part="group-toggle"
          class="group-toggle"
          type="button"
          aria-expanded=${isOpen ? 'true' : 'false'}
          aria-controls=${bodyId}
          @click=${() => this.toggleGroup(group)}
        >
          <span class="chevron" aria-hidden="true">▸</span>${GROUP_TITLES[group] ?? group}
          <span class="group-count">${settings.length} ${settings.length === 1 ? 'setting' : 'settings'}</span>
        </button>
      </h3>
      <div part="group-body" class="group-body" id=${bodyId} ?hidden=${!isOpen}>
        ${group === 'General' ? this.renderGeneral(loaded, editable) : nothing}
        ${settings.map((setting) => this.renderSetting(setting, editable))}
      </div>
    </section>`;
  }

  private renderGeneral(loaded: Loaded, editable: boolean) {
    const health = loaded.health;
    return html`<dl part="facts" class="facts">
        <dt>Server version</dt>
        <dd>${health?.version ?? 'unknown'}</dd>
        <dt>Device UUID (instance id)</dt>
        <dd class="mono">${health?.serverInstanceID ?? 'unknown'}</dd>
        <dt>Status</dt>
        <dd>${health?.status ?? (health ? 'unknown' : 'not available')}</dd>
      </dl>
      ${this.renderHostIds(loaded.hostids, editable)}`;
  }

  private hostIdSetting(): Setting | undefined {
    return this.settings.find((s) => s.type === 'hostid');
  }

  /** The host id picked in the form (the edit), else the one the setting holds. */
  private pickedHostId(): { value: string; type: string } | null {
    const setting = this.hostIdSetting();
    const edit = setting ? this.edits.get(setting.name) : undefined;
    if (typeof edit === 'string' && edit !== '') return parseHostIdSpec(edit);
    return null;
  }

  private renderHostIds(list: HostIdList | null, editable: boolean) {
    if (!list) return html`<p class="readonly-note">The server's host ids could not be read.</p>`;
    const setting = this.hostIdSetting();
    const selected = list.selected ?? null;
    const picked = this.pickedHostId();
    const canChoose = editable && !!setting?.editable;
    const name = `${this.uid}-hostid`;
    const error = setting ? this.errors[setting.name] : undefined;
    const changing = !!picked && !(selected && sameHostId(picked, selected));
    return html`
      ${list.selectedAvailable === false && selected
        ? html`<ld-status
            variant="warning"
            notice=${`Host id source missing: the selected host id ${selected.value} (${selected.type}) is no longer among this host's ids (a network interface, dongle or VM id went away). The server keeps it and does not switch on its own; choose a host id deliberately only after returning its licenses.`}
          ></ld-status>`
        : nothing}
      <table part="hostids" class="hostids">
        <caption>
          Host ids of the server${canChoose ? ' (select the one registered with the back office)' : ''}
        </caption>
        <thead>
          <tr>
            ${canChoose ? html`<th scope="col"><span class="visually-hidden">Selected</span></th>` : nothing}
            <th scope="col">Host id</th>
            <th scope="col">Type</th>
            <th scope="col">Source</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          ${list.hostids.map((hostId) => this.renderHostIdRow(hostId, selected, picked, canChoose, name))}
          ${selected && list.selectedAvailable === false
            ? html`<tr>
                ${canChoose ? html`<td></td>` : nothing}
                <td class="mono">${selected.value}</td>
                <td>${selected.type}</td>
                <td>—</td>
                <td>—</td>
                <td><span class="badge warn">selected, source missing</span></td>
              </tr>`
            : nothing}
        </tbody>
      </table>
      ${changing && setting
        ? html`<div class="confirm">
            <ld-status
              variant="warning"
              notice="Changing the server's host id needs all licenses returned to the back office and a trusted-storage reset; licenses bound to the old host id are otherwise orphaned."
            ></ld-status>
            <label for="${this.uid}-confirm">Type the new host id (${picked!.value}) to confirm</label>
            <input
              part="input"
              id="${this.uid}-confirm"
              type="text"
              autocomplete="off"
              spellcheck="false"
              class="mono"
              data-setting=${setting.name}
              .value=${live(this.confirmText)}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${this.uid}-confirm-error` : nothing}
              @input=${(event: InputEvent) => {
                this.confirmText = (event.target as HTMLInputElement).value;
                if (this.errors[setting.name]) this.setError(setting.name, undefined);
              }}
            />
            ${error ? html`<p class="error" id="${this.uid}-confirm-error">${error}</p>` : nothing}
          </div>`
        : !changing && error
          ? html`<p class="error">${error}</p>`
          : nothing}
    `;
  }

  private renderHostIdRow(
    hostId: ServerHostId,
    selected: { value: string; type: string } | null,
    picked: { value: string; type: string } | null,
    canChoose: boolean,
    name: string,
  ) {
    const isSelected = !!selected && sameHostId(hostId, selected);
    const isPicked = picked ? sameHostId(hostId, picked) : isSelected;
    const label = `${hostId.value} (${hostId.type}${hostId.interface ? `, ${hostId.interface}` : ''})`;
    return html`<tr>
      ${canChoose
        ? html`<td>
            <input
              type="radio"
              name=${name}
              aria-label=${`Select ${label}`}
              .checked=${live(isPicked)}
              @change=${() => this.pickHostId(hostId)}
            />
          </td>`
        : nothing}
      <td class="mono">${hostId.value}</td>
      <td>${hostId.type}</td>
      <td>${hostId.interface ?? '—'}</td>
      <td>${hostId.kind}</td>
      <td>${isSelected ? html`<span class="badge">selected</span>` : nothing}</td>
    </tr>`;
  }

  private pickHostId(hostId: ServerHostId): void {
    const setting = this.hostIdSetting();
    if (!setting) return;
    const selected = this.data.value?.hostids?.selected;
    const next = new Map(this.edits);
    if (selected && sameHostId(hostId, selected)) next.delete(setting.name);
    else next.set(setting.name, formatHostIdSpec({ value: hostId.value, type: hostId.type }));
    this.edits = next;
    this.confirmText = '';
    this.setError(setting.name, undefined);
    this.notice = '';
  }

  private renderSetting(setting: Setting, editable: boolean): TemplateResult {
    const inputId = `${this.uid}-${setting.name.replace(/[^\w-]/g, '_')}`;
    const descId = `${inputId}-desc`;
    const errorId = `${inputId}-error`;
    const error = this.errors[setting.name];
    const describedBy = [descId, error ? errorId : ''].filter(Boolean).join(' ');
    const edit = this.edits.get(setting.name);
    const changed = edit !== undefined && !this.same(setting, this.toValue(setting, edit));
    const nameLine = html`<span class="setting-name">${setting.name}</span>`;
    const description = html`<p class="hint" id=${descId}>
      ${setting.description}${setting.default !== null && setting.default !== undefined
        ? ` Default: ${display(setting.default, setting.type)}.`
        : ''}
    </p>`;

    if (!editable || !setting.editable) {
      return html`<div part="setting" class="setting" data-setting=${setting.name}>
        <span class="label" id=${inputId}>${setting.label}</span>
        ${nameLine}
        <span class="value" aria-labelledby=${inputId}>${display(setting.value, setting.type)}</span>
        ${description}
        ${!setting.editable
          ? html`<p class="readonly-note">Read-only: only the software producer may change this setting (producer settings file).</p>`
          : nothing}
      </div>`;
    }

    let control: TemplateResult;
    if (setting.type === 'boolean') {
      const checked = typeof edit === 'boolean' ? edit : setting.value === true;
      return html`<div part="setting" class="setting" data-setting=${setting.name}>
        <label class="checkbox">
          <input
            part="input"
            id=${inputId}
            type="checkbox"
            data-setting=${setting.name}
            .checked=${live(checked)}
            aria-describedby=${describedBy}
            @change=${(event: Event) => this.setEdit(setting, (event.target as HTMLInputElement).checked)}
          />${setting.label}
        </label>
        ${nameLine} ${description}
        ${changed ? html`<span class="changed">Changed, not saved</span>` : nothing}
        ${error ? html`<p class="error" id=${errorId}>${error}</p>` : nothing}
      </div>`;
    }
    const text = typeof edit === 'string' ? edit : display(setting.value === '' ? '' : setting.value).replace(/^\(empty\)$/, '');
    if (setting.type === 'enum') {
      const options = setting.allowedValues ?? [];
      const values = options.includes(text) ? options : [text, ...options];
      control = html`<select
        part="input"
        id=${inputId}
        data-setting=${setting.name}
        aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : 'false'}
        @change=${(event: Event) => this.setEdit(setting, (event.target as HTMLSelectElement).value)}
      >
        ${values.map((value) => html`<option value=${value} ?selected=${value === text}>${value}</option>`)}
      </select>`;
    } else {
      control = html`<input
        part="input"
        id=${inputId}
        type="text"
        data-setting=${setting.name}
        autocomplete="off"
        spellcheck="false"
        inputmode=${setting.type === 'integer' ? 'numeric' : nothing}
        aria-describedby=${describedBy}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${live(text)}
        @input=${(event: InputEvent) => this.setEdit(setting, (event.target as HTMLInputElement).value)}
        @change=${() => this.checkField(setting)}
      />`;
    }
    return html`<div part="setting" class="setting field" data-setting=${setting.name}>
      <label for=${inputId}>${setting.label}</label>
      ${nameLine} ${control}
      ${setting.type === 'duration'
        ? html`<p class="hint">A number with a unit: s, m, h, d or w (for example 30s, 5m, 2h, 1d, 1w); a bare number is seconds.</p>`
        : nothing}
      ${description} ${changed ? html`<span class="changed">Changed, not saved</span>` : nothing}
      ${error ? html`<p class="error" id=${errorId}>${error}</p>` : nothing}
    </div>`;
  }

  private toggleGroup(group: string): void {
    const next = new Set(this.open);
    if (next.has(group)) next.delete(group);
    else next.add(group);
    this.open = next;
  }

  private setEdit(setting: Setting, edit: Edit): void {
    const next = new Map(this.edits);
    next.set(setting.name, edit);
    this.edits = next;
    this.notice = '';
    if (this.errors[setting.name]) this.setError(setting.name, this.problem(setting, edit) ?? undefined);
  }

  private setError(name: string, message: string | undefined): void {
    const next = { ...this.errors };
    if (message) next[name] = message;
    else delete next[name];
    this.errors = next;
  }

  private checkField(setting: Setting): void {
    const edit = this.edits.get(setting.name);
    if (edit === undefined) return;
    this.setError(setting.name, this.problem(setting, edit) ?? undefined);
  }

  /** Why a typed value is not acceptable, or null. */
  private problem(setting: Setting, edit: Edit): string | null {
    if (typeof edit === 'boolean') return null;
    const text = edit.trim();
    switch (setting.type) {
      case 'integer':
        return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? null : 'Enter a whole number.';
      case 'duration': {
        const parsed = parseDuration(text);
        return parsed.ok ? null : 'Enter a duration: a number with an optional unit s, m, h, d or w (for example 30s, 5m, 1d).';
      }
      case 'enum':
        return !setting.allowedValues || setting.allowedValues.includes(text)
          ? null
          : `Choose one of: ${setting.allowedValues.join(', ')}.`;
      case 'hostid': {
        const picked = parseHostIdSpec(text);
        const confirm = this.confirmText.trim();
        const ok =
          confirm !== '' &&
          (confirm === picked.value || sameHostId({ value: confirm, type: picked.type }, picked));
        return ok ? null : `Type the new host id ${picked.value} to confirm the change.`;
      }
      default:
        return null;
    }
  }

  private toValue(setting: Setting, edit: Edit): SettingValue | undefined {
    if (typeof edit === 'boolean') return edit;
    const text = setting.type === 'string' ? edit : edit.trim();
    if (setting.type === 'integer') return /^-?\d+$/.test(text) ? Number(text) : text;
    return text;
  }

  private same(setting: Setting, value: SettingValue | undefined): boolean {
    if (value === undefined) return true;
    const current = setting.value;
    if (setting.type === 'duration' && typeof value === 'string' && (typeof current === 'string' || typeof current === 'number')) {
      const a = parseDuration(value);
      const b = parseDuration(current);
      if (a.ok && b.ok) return a.value === b.value;
    }
    if (setting.type === 'hostid' && typeof value === 'string' && typeof current === 'string' && current !== '') {
      return sameHostId(parseHostIdSpec(value), parseHostIdSpec(current));
    }
    return value === current || String(value) === String(current ?? '');
  }

  private async focusFirstError(): Promise<void> {
    const names = Object.keys(this.errors);
    if (names.length === 0) return;
    const groups = new Set(this.open);
    for (const name of names) {
      const setting = this.settings.find((s) => s.name === name);
      if (setting) groups.add(setting.group);
    }
    this.open = groups;
    await this.updateComplete;
    const target = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-setting]')].find(
      (el) => (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && names.includes(el.dataset.setting ?? ''),
    );
    target?.focus();
  }

  private handleSave = async (): Promise<void> => {
    if (this.saving || !this.client) return;
    this.notice = '';
    this.saveError = undefined;
    const changes = this.changes;
    const errors: Record<string, string> = {};
    for (const name of Object.keys(changes)) {
      const setting = this.settings.find((s) => s.name === name)!;
      const problem = this.problem(setting, this.edits.get(name)!);
      if (problem) errors[name] = problem;
    }
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      await this.focusFirstError();
      return;
    }
    if (Object.keys(changes).length === 0) {
      this.notice = 'Nothing to save: no setting was changed.';
      return;
    }
    this.saving = true;
    try {
      const updated = await this.client.settings.update(changes);
      this.settings = updated;
      this.edits = new Map();
      this.confirmText = '';
      const count = Object.keys(changes).length;
      this.notice = `Saved ${count} ${count === 1 ? 'setting' : 'settings'}.`;
      this.dispatchEvent(new LdPropertiesSaveEvent({ changes }));
      if (changes[this.hostIdSetting()?.name ?? '\u0000'] !== undefined) void this.reloadHostIds();
    } catch (error) {
      const view = describeError(error, 'change the license server properties');
      const fieldErrors: Record<string, string> = {};
      for (const detail of view.details ?? []) {
        if (detail.path && this.settings.some((s) => s.name === detail.path)) {
          fieldErrors[detail.path] = fieldErrors[detail.path] ? `${fieldErrors[detail.path]}; ${detail.message}` : detail.message;
        }
      }
      this.errors = fieldErrors;
      this.saveError = error;
      if (Object.keys(fieldErrors).length > 0) await this.focusFirstError();
    } finally {
      this.saving = false;
    }
  };

  private async reloadHostIds(): Promise<void> {
    const loaded = this.data.value;
    if (!loaded || !this.client) return;
    try {
      loaded.hostids = await this.client.hostids.get();
      this.requestUpdate();
    } catch {
      // The table keeps the previous list; the next load refreshes it.
    }
  }

  private handleCancel = (): void => {
    this.edits = new Map();
    this.errors = {};
    this.confirmText = '';
    this.saveError = undefined;
    this.notice = 'Changes discarded.';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-properties-editor': LdPropertiesEditor;
  }
}
