import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { LdElement } from '../../internal/ld-element.js';
import { LdNavigateEvent } from '../../events/navigate.js';
import { LdReservationsChangedEvent, type LdCancelEvent, type LdReservationsChangedDetail } from '../../events/admin.js';
import { errorKey, errorStatus } from '../../internal/errors.js';
import { offerDownload, safeFileName } from '../../internal/download.js';
import { focusSoon } from '../../internal/focus.js';
import { uniqueId } from '../../internal/ids.js';
import { DEFAULT_RESERVATION_HOST_ID_TYPES, reservationRows, type ReservationRow } from '../../internal/reservations.js';
import type { LicenseServerClient, ModelStatus, ReservationGroup } from '../../internal/sdk.js';
import type { LdColumn } from '../data-table/data-table.js';
import styles from './reservations-view.styles.js';

/** Which panel of the view is open. */
export const RESERVATIONS_PANELS = ['none', 'add', 'edit', 'import'] as const;
export type ReservationsPanel = (typeof RESERVATIONS_PANELS)[number];

/** A model definition blocks reservation changes while it is active and has named pools. */
export interface ModelBlock {
  status: ModelStatus;
  /** Names of the named pools the model defines. */
  pools: string[];
}

interface GroupsPage {
  groups: ReservationGroup[];
  rows: ReservationRow[];
  total: number;
  pageNumber: number;
  pageCount: number;
}

/**
 * @tagname ld-reservations-view
 * @summary The Reservations view: every reservation entry with whether it can be satisfied, paged by
 *   group, with a check box per group; add a group, edit one in place, delete ticked groups through
 *   a pending-deletions list, import a JSON file and export all reservations as one.
 *
 * @description While a model definition with named pools is active the server refuses reservation
 * changes; the view then says why and offers the way out: export the model and delete it (in the
 * Named License Pools view, reached through `ld-navigate`). Users signed in without
 * ROLE_RESERVATIONS see the reservations but no controls that change them.
 *
 * @event ld-reservations-changed - Groups were created, replaced, deleted or imported: `detail {action, groups}`.
 * @event ld-reservations-imported - A file was imported (from the inner `<ld-reservations-import>`).
 * @event ld-navigate - The user asked for the Named License Pools view: `detail {id: "pools", href}`. Cancelable.
 * @event ld-download - A file is about to be saved (export of reservations or of the model). Cancelable.
 *
 * @csspart base - The whole view.
 * @csspart title - The heading.
 * @csspart toolbar - The row of view actions.
 * @csspart add-button - Opens the add form.
 * @csspart import-button - Opens the import panel.
 * @csspart export-button - Exports all reservations as JSON.
 * @csspart delete-button - Puts the ticked groups into pending deletions.
 * @csspart model-notice - The explanation shown while a model with named pools is active.
 * @csspart table - The reservations table (an `<ld-data-table>`).
 * @csspart group-checkbox - The check box of a group (on each of its rows).
 * @csspart edit-button - The Edit button of a group.
 * @csspart pager - The paging tool (an `<ld-pager>`).
 * @csspart pending-deletions - The pending-deletions panel.
 * @csspart submit-deletions-button - Deletes the pending groups.
 * @csspart cancel-deletions-button - Empties pending deletions.
 *
 * @cssproperty --ld-reservations-view-gap - Space between the parts of the view.
 */
export class LdReservationsView extends LdElement {
  static override styles = styles;

  /** Groups per page; the page size from the manager's settings when 0. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 0;

  /** Host id types offered in the add form (the producer's list). */
  @property({ attribute: false })
  hostIdTypes: string[] = [...DEFAULT_RESERVATION_HOST_ID_TYPES];

  /** Link to the Named License Pools view, used by the way out while a model is active. */
  @property({ attribute: 'pools-href' })
  poolsHref = '#pools';

  /** The open panel: none, the add form, the edit form or the import panel. */
  @property({ reflect: true })
  panel: ReservationsPanel = 'none';


  /** Moves focus to the heading once the first data is shown (for a host that routes to this view). */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  private focusedOnLoad = false;
  @state() protected pageNumber = 1;
  /** Ticked groups, by id. */
  @state() protected selected = new Map<number, string>();
  @state() protected pendingDeletions: Array<{ id: number; name: string }> = [];
  @state() protected deleting = false;
  @state() protected actionError: unknown = undefined;
  @state() protected actionNotice = '';
  @state() protected editing: ReservationGroup | null = null;
  @state() protected revision = 0;

  private readonly ids = uniqueId('ld-reservations');

  private readonly groupsTask = new Task(this, {
    task: async ([client, pageNumber, pageSize], { signal }): Promise<GroupsPage> => {
      if (!client) throw new Error('No license server client: place the view inside an <ld-provider>.');
      let page = await client.reservations.list({}, { signal, pageSize }).getPage(pageNumber, pageSize);
      if (page.items.length === 0 && pageNumber > 1 && page.pageCount >= 1 && pageNumber > page.pageCount) {
        // The last page emptied (groups were deleted): show the new last page.
        page = await client.reservations.list({}, { signal, pageSize }).getPage(page.pageCount, pageSize);
      }
      return { groups: page.items, rows: reservationRows(page.items), total: page.total, pageNumber: page.pageNumber, pageCount: page.pageCount };
    },
    args: () => [this.client, this.pageNumber, this.effectivePageSize, this.revision] as const,
  });

  private readonly modelTask = new Task(this, {
    task: async ([client], { signal }): Promise<ModelBlock | null> => {
      if (!client) return null;
      return modelBlock(client, signal);
    },
    args: () => [this.client, this.revision] as const,
  });

  /** Loads the reservations and the model state again. */
  refresh(): void {
    this.revision += 1;
  }

  /** The rows of the page shown (one per reservation entry). */
  get rows(): readonly ReservationRow[] {
    return this.groupsTask.value?.rows ?? [];
  }

  /** Names of the groups waiting in pending deletions. */
  get pendingDeletionNames(): string[] {
    return this.pendingDeletions.map((g) => g.name);
  }

  private get effectivePageSize(): number {
    return this.pageSize > 0 ? this.pageSize : this.managerOptions.pageSize;
  }

  /** Whether the signed-in user may change reservations (anonymous users are asked to log in by the server). */
  private get canChange(): boolean {
    return this.roles.length === 0 || this.hasRole('ROLE_RESERVATIONS');
  }

  private get blocked(): ModelBlock | null {
    return this.modelTask.value ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('panel') && this.panel !== 'edit') this.editing = null;
  }

  protected override updated(): void {
    if (this.focusOnLoad && !this.focusedOnLoad && this.groupsTask.status !== TaskStatus.INITIAL && this.groupsTask.status !== TaskStatus.PENDING) {
      this.focusedOnLoad = true;
      focusSoon(this.renderRoot.querySelector<HTMLElement>('h2'));
    }
  }

  protected override render() {
    const page = this.groupsTask.value;
    const blocked = this.blocked;
    const canChange = this.canChange && !blocked;
    return html`<section part="base" class="base" aria-labelledby="${this.ids}-title">
      <h2 part="title" class="title" id="${this.ids}-title" tabindex="-1">Reservations</h2>
      ${blocked ? this.renderModelNotice(blocked) : nothing}
      <div part="toolbar" class="actions toolbar">
        ${canChange
          ? html`<button part="add-button" class="button" type="button" aria-pressed=${this.panel === 'add' ? 'true' : 'false'} @click=${() => this.open('add')}>
                Add group
              </button>
              <button part="import-button" class="button" type="button" aria-pressed=${this.panel === 'import' ? 'true' : 'false'} @click=${() => this.open('import')}>
                Import
              </button>`
          : nothing}
        <button part="export-button" class="button" type="button" @click=${this.handleExport}>Export</button>
        ${canChange
          ? html`<button
              part="delete-button"
              class="button danger"
              type="button"
              ?disabled=${this.selected.size === 0}
              @click=${this.handleDelete}
            >
              Delete${this.selected.size > 0 ? ` (${this.selected.size})` : ''}
            </button>`
          : nothing}
      </div>
      <ld-status class="action-status" tabindex="-1" .error=${this.actionError} operation="change reservations"></ld-status>
      ${this.actionNotice ? html`<ld-status variant="success" .notice=${this.actionNotice}></ld-status>` : nothing}
      ${canChange ? this.renderPanel() : nothing}
      ${this.pendingDeletions.length > 0 ? this.renderPendingDeletions() : nothing}
      ${this.groupsTask.render({
        initial: () => html`<ld-status loading loading-text="Loading reservations…"></ld-status>`,
        pending: () =>
          page ? this.renderTable(page, true) : html`<ld-status loading loading-text="Loading reservations…"></ld-status>`,
        complete: (value) => this.renderTable(value, false),
        error: (error) => html`<ld-status .error=${error} operation="view the reservations" retryable @ld-retry=${() => this.refresh()}></ld-status>`,
      })}
    </section>`;
  }

  private renderModelNotice(block: ModelBlock) {
    const name = block.status.name ? `"${block.status.name}"` : '';
    return html`<div part="model-notice" class="notice" role="note" aria-labelledby="${this.ids}-model">
      <p id="${this.ids}-model"><strong>Reservations cannot be managed while the model definition ${name} is active.</strong></p>
      <p>
        The model divides the licenses into named pools (${block.pools.join(', ')}), and the license server does not allow named pools
        and reservations at the same time. To work with reservations, export the model so you can restore it later, then delete it in
        the Named License Pools view.
      </p>
      <div class="actions">
        <button class="button" type="button" @click=${this.handleExportModel}>Export the model</button>
        <a class="button" href=${this.poolsHref} @click=${this.handleGoToPools}>Delete the model in Named License Pools</a>
      </div>
    </div>`;
  }

  private renderPanel() {
    switch (this.panel) {
      case 'add':
      case 'edit':
        return html`<ld-reservation-form
          class="panel"
          .client=${this.client}
          .group=${this.panel === 'edit' ? this.editing : null}
          .hostIdTypes=${this.hostIdTypes}
          @ld-reservations-changed=${this.handleFormChanged}
          @ld-cancel=${this.handlePanelCancel}
        ></ld-reservation-form>`;
      case 'import':
        return html`<ld-reservations-import
          class="panel"
          .client=${this.client}
          page-size=${this.effectivePageSize}
          @ld-reservations-changed=${this.handleImported}
          @ld-cancel=${this.handlePanelCancel}
        ></ld-reservations-import>`;
      default:
        return nothing;
    }
  }

  private renderPendingDeletions() {
    const id = `${this.ids}-pending`;
    return html`<section part="pending-deletions" class="section pending" aria-labelledby=${id}>
      <h3 class="subtitle" id=${id}>Pending deletions</h3>
      <p class="hint">These groups and all their reservations are deleted when you press Submit.</p>
      <ul class="pending-list">
        ${this.pendingDeletions.map(
          (g) => html`<li>
            <span class="mono">${g.name}</span>
            <button
              class="button small"
              type="button"
              aria-label="Keep group ${g.name}"
              ?disabled=${this.deleting}
              @click=${() => (this.pendingDeletions = this.pendingDeletions.filter((p) => p.id !== g.id))}
            >
              Keep
            </button>
          </li>`,
        )}
      </ul>
      <div class="actions">
        <button part="submit-deletions-button" class="button primary" type="button" ?disabled=${this.deleting} @click=${this.handleSubmitDeletions}>
          ${this.deleting ? 'Deleting…' : 'Submit'}
        </button>
        <button part="cancel-deletions-button" class="button" type="button" ?disabled=${this.deleting} @click=${() => (this.pendingDeletions = [])}>
          Cancel
        </button>
      </div>
    </section>`;
  }

  private renderTable(page: GroupsPage, loading: boolean) {
    if (page.total === 0 && !loading) {
      return html`<ld-status empty empty-text="No reservations. Add a group or import a file to reserve licenses for devices and users."></ld-status>`;
    }
    const canChange = this.canChange && !this.blocked;
    const firstOfGroup = new Set<number>();
    const seen = new Set<number>();
    page.rows.forEach((row, i) => {
      if (!seen.has(row.groupId)) {
        seen.add(row.groupId);
        firstOfGroup.add(i);
      }
    });
    const columns: LdColumn<ReservationRow>[] = [
      ...(canChange
        ? [
            {
              key: 'select',
              header: 'Select',
              label: 'Select group',
              template: (row: ReservationRow) => html`<input
                part="group-checkbox"
                type="checkbox"
                class="group-checkbox"
                data-group=${row.groupId}
                aria-label="Select group ${row.groupName}"
                .checked=${this.selected.has(row.groupId)}
                @change=${(e: Event) => this.toggleGroup(row, (e.target as HTMLInputElement).checked)}
              />`,
            },
          ]
        : []),
      {
        key: 'status',
        header: 'Status',
        value: (row) => (row.satisfiable ? 'ok' : 'cannot be satisfied'),
        template: (row) =>
          row.satisfiable
            ? html`<span class="badge ok">ok</span>`
            : html`<span class="badge bad">cannot be satisfied</span>`,
      },
      { key: 'deviceId', header: 'Device ID', truncate: 40, copyable: true },
      { key: 'idType', header: 'ID Type' },
      { key: 'groupName', header: 'Reservation Group', truncate: 40 },
      { key: 'featureName', header: 'Feature Name', truncate: 40 },
      { key: 'featureVersion', header: 'Version' },
      { key: 'featureCount', header: 'Count', align: 'end' },
      ...(canChange
        ? [
            {
              key: 'actions',
              header: 'Actions',
              template: (row: ReservationRow, index: number) =>
                firstOfGroup.has(index)
                  ? html`<button
                      part="edit-button"
                      class="button small"
                      type="button"
                      aria-label="Edit group ${row.groupName}"
                      @click=${() => this.editGroup(row.groupId)}
                    >
                      Edit
                    </button>`
                  : nothing,
            },
          ]
        : []),
    ];
    return html`<ld-data-table
        part="table"
        caption="Reservations"
        hide-caption
        .columns=${columns}
        .rows=${page.rows}
        .rowKey=${(row: ReservationRow) => row.entryId}
        ?loading=${loading}
        empty-text="No reservation entries on this page."
      ></ld-data-table>
      <ld-pager
        part="pager"
        .total=${page.total}
        .pageSize=${this.effectivePageSize}
        .pageNumber=${page.pageNumber}
        noun="reservation groups"
        label="Pages of reservation groups"
        @ld-page-change=${this.handlePageChange}
      ></ld-pager>
      <p class="hint">${page.rows.length === 1 ? '1 reservation entry' : `${page.rows.length} reservation entries`} on this page.</p>`;
  }

  private open(panel: ReservationsPanel): void {
    this.panel = this.panel === panel ? 'none' : panel;
    this.actionNotice = '';
    this.actionError = undefined;
  }

  private toggleGroup(row: ReservationRow, checked: boolean): void {
    const next = new Map(this.selected);
    if (checked) next.set(row.groupId, row.groupName);
    else next.delete(row.groupId);
    this.selected = next;
  }

  private editGroup(groupId: number): void {
    const group = this.groupsTask.value?.groups.find((g) => g.id === groupId);
    if (!group) return;
    this.editing = group;
    this.panel = 'edit';
    this.actionNotice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('ld-reservation-form')?.scrollIntoView({ block: 'nearest' }));
  }

  private handleDelete = async (): Promise<void> => {
    const known = new Set(this.pendingDeletions.map((g) => g.id));
    const added = [...this.selected].filter(([id]) => !known.has(id)).map(([id, name]) => ({ id, name }));
    this.pendingDeletions = [...this.pendingDeletions, ...added];
    this.selected = new Map();
    this.actionNotice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="submit-deletions-button"]')?.focus();
  };

  private handleSubmitDeletions = async (): Promise<void> => {
    const client = this.client;
    if (!client || this.pendingDeletions.length === 0) return;
    this.deleting = true;
    this.actionError = undefined;
    this.actionNotice = '';
    const deleted: string[] = [];
    const left: Array<{ id: number; name: string }> = [];
    let failure: unknown;
    for (const group of this.pendingDeletions) {
      try {
        await client.reservations.delete(group.id);
        deleted.push(group.name);
      } catch (error) {
        // A group someone else deleted meanwhile is gone either way.
        if (errorStatus(error) === 404) {
          deleted.push(group.name);
          continue;
        }
        failure ??= error;
        left.push(group);
      }
    }
    this.pendingDeletions = left;
    this.deleting = false;
    if (deleted.length > 0) {
      this.actionNotice = `Deleted ${deleted.length === 1 ? 'group' : 'groups'} ${deleted.join(', ')}.`;
      this.dispatchEvent(new LdReservationsChangedEvent({ action: 'deleted', groups: deleted }));
      this.refresh();
    }
    if (failure) {
      this.actionError = failure;
      if (errorKey(failure) === 'glsErr.modelActive') this.refresh();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.action-status')?.focus();
    }
  };

  private handleFormChanged = (event: CustomEvent<LdReservationsChangedDetail>): void => {
    // The form's own event bubbles on to the host; the view only reloads.
    this.refresh();
    if (event.detail.action === 'replaced') {
      this.panel = 'none';
      this.actionNotice = `Reservation group ${event.detail.groups.join(', ')} was replaced.`;
    }
  };

  private handleImported = (): void => {
    this.refresh();
  };

  private handlePanelCancel = (event: LdCancelEvent): void => {
    event.stopPropagation();
    this.panel = 'none';
  };

  private handlePageChange = (event: CustomEvent<{ pageNumber: number }>): void => {
    event.stopPropagation();
    this.pageNumber = event.detail.pageNumber;
  };

  private handleExport = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    this.actionError = undefined;
    this.actionNotice = '';
    try {
      const groups = await client.reservations.export();
      const blob = new Blob([`${JSON.stringify(groups, null, 2)}\n`], { type: 'application/json' });
      offerDownload(this, 'reservations.json', blob);
      this.actionNotice = `Exported ${groups.length === 1 ? '1 group' : `${groups.length} groups`} to reservations.json.`;
    } catch (error) {
      this.actionError = error;
    }
  };

  private handleExportModel = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    this.actionError = undefined;
    try {
      const text = await client.model.get();
      if (text === null) {
        this.refresh();
        return;
      }
      const name = this.blocked?.status.name ?? 'model';
      offerDownload(this, `${safeFileName(name, 'model')}.model`, new Blob([text], { type: 'text/plain' }));
    } catch (error) {
      this.actionError = error;
    }
  };

  private handleGoToPools = (event: MouseEvent): void => {
    const navigate = new LdNavigateEvent({ id: 'pools', href: this.poolsHref });
    this.dispatchEvent(navigate);
    if (navigate.defaultPrevented) event.preventDefault();
  };
}

/**
 * Tells whether an active model blocks reservation changes: it does when it is active and defines
 * named pools (a model with rules only leaves every count in the default pool).
 */
export async function modelBlock(client: LicenseServerClient, signal?: AbortSignal): Promise<ModelBlock | null> {
  const status = await client.model.status({ signal });
  if (!status.active) return null;
  const pools = await client.pools.list({ signal });
  const named = pools.filter((p) => !p.default).map((p) => p.name);
  return named.length > 0 ? { status, pools: named } : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-reservations-view': LdReservationsView;
  }
}
