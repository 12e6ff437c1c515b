import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { featureStatus, formatExpiry, parseExpiry } from '@licensedesk/sdk';
import { LdElement } from '../../internal/ld-element.js';
import { focusSoon } from '../../internal/focus.js';
import { uniqueId } from '../../internal/ids.js';
import type { LicensePool, PoolFeature } from '../../internal/sdk.js';
import type { LdColumn } from '../data-table/data-table.js';
import styles from './pools-view.styles.js';

/** The tabs of the Named License Pools view. */
export const POOLS_VIEW_TABS = ['pools', 'model'] as const;
export type PoolsViewTab = (typeof POOLS_VIEW_TABS)[number];

const STATUS_TEXT: Record<PoolFeature['status'], string> = {
  OK: 'OK',
  EXPIRED: 'Expired',
  EXHAUSTED: 'All in use',
  SHORT: 'Short: the server holds fewer counts than the model asks for',
};

/**
 * The status a pool feature shows: the server's, except that a record whose expiry has passed reads
 * "Expired" (as in the Features view) even when the server has not caught up yet.
 */
export function poolFeatureStatus(f: PoolFeature, now?: Date | number): PoolFeature['status'] {
  if (f.status !== 'EXPIRED' && featureStatus({ expiry: f.expiry }, now) === 'expired') return 'EXPIRED';
  return f.status;
}

/** Allocated as text: "Uncounted" for an uncounted record (its 0 is not a limit). */
function allocatedText(f: PoolFeature): string {
  return f.uncounted ? 'Uncounted' : String(f.allocated);
}

/**
 * @tagname ld-pools-view
 * @summary The Named License Pools view: a Pools tab listing the named pools and the default pool
 *   (expand a pool to see its features: name, version, expiration, allocated, used, status) and a
 *   Model tab with the model definition (`<ld-model-editor>`).
 *
 * @description Pools are listed in the server's order with the default pool last, paged with the page
 * size from the manager's settings. Expanding uses a disclosure button (`aria-expanded`).
 *
 * @event ld-model-change - From the Model tab: a model was uploaded or deleted (the Pools tab reloads).
 * @event ld-navigate - From the Model tab's way out: `detail {id: "reservations", href}`.
 * @event ld-reservations-changed - From the Model tab's way out: the reservation groups were deleted.
 * @event ld-download - From the Model tab: a file is about to be saved.
 *
 * @csspart base - The whole view.
 * @csspart title - The heading.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab (the selected one also has `tab-selected`).
 * @csspart panel - The tab panel.
 * @csspart pool - One pool (a list item).
 * @csspart pool-toggle - The disclosure button of a pool.
 * @csspart over-use - The warning in a pool's summary when more counts are used than allocated.
 * @csspart pool-features - The features table of an expanded pool (an `<ld-data-table>`).
 * @csspart pager - The paging tool.
 * @csspart model-editor - The `<ld-model-editor>` of the Model tab.
 *
 * @cssproperty --ld-pools-view-gap - Space between pools.
 * @cssproperty --ld-pools-view-pool-background - Background of a pool's row.
 */
export class LdPoolsView extends LdElement {
  static override styles = styles;

  /** The tab shown. */
  @property({ reflect: true })
  tab: PoolsViewTab = 'pools';

  /** Pools per page; the page size from the manager's settings when 0. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 0;

  /** Link to the Reservations view, passed to the model editor. */
  @property({ attribute: 'reservations-href' })
  reservationsHref = '#reservations';

  /** Names of the expanded pools. */

  /** Moves focus to the heading once the first data is shown (for a host that routes to this view). */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  private focusedOnLoad = false;
  @state() protected expanded = new Set<string>();
  @state() protected pageNumber = 1;
  @state() protected revision = 0;

  private readonly ids = uniqueId('ld-pools');

  private readonly poolsTask = new Task(this, {
    task: async ([client], { signal }): Promise<LicensePool[]> => {
      if (!client) throw new Error('No license server client: place the view inside an <ld-provider>.');
      const pools = await client.pools.list({ signal });
      // Named pools first, the default pool last, as administrators read the model.
      return [...pools].sort((a, b) => Number(a.default) - Number(b.default));
    },
    args: () => [this.client, this.revision] as const,
  });

  /** Loads the pools again. */
  refresh(): void {
    this.revision += 1;
  }

  /** The pools as loaded. */
  get pools(): readonly LicensePool[] {
    return this.poolsTask.value ?? [];
  }

  /** Expands or collapses a pool by name. */
  toggle(name: string, open = !this.expanded.has(name)): void {
    const next = new Set(this.expanded);
    if (open) next.add(name);
    else next.delete(name);
    this.expanded = next;
  }

  private get effectivePageSize(): number {
    return this.pageSize > 0 ? this.pageSize : this.managerOptions.pageSize;
  }

  protected override updated(): void {
    if (this.focusOnLoad && !this.focusedOnLoad && this.poolsTask.status !== TaskStatus.INITIAL && this.poolsTask.status !== TaskStatus.PENDING) {
      this.focusedOnLoad = true;
      focusSoon(this.renderRoot.querySelector<HTMLElement>('h2'));
    }
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="${this.ids}-title">
      <h2 part="title" class="title" id="${this.ids}-title" tabindex="-1">Named License Pools</h2>
      <div part="tabs" class="tabs" role="tablist" aria-label="Named License Pools" @keydown=${this.handleTabKeydown}>
        ${POOLS_VIEW_TABS.map((tab) => {
          const selected = this.tab === tab;
          return html`<button
            part=${selected ? 'tab tab-selected' : 'tab'}
            class="tab"
            type="button"
            role="tab"
            id="${this.ids}-tab-${tab}"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="${this.ids}-panel"
            tabindex=${selected ? '0' : '-1'}
            data-tab=${tab}
            @click=${() => this.select(tab)}
          >
            ${tab === 'pools' ? 'Pools' : 'Model'}
          </button>`;
        })}
      </div>
      <div part="panel" class="panel" role="tabpanel" id="${this.ids}-panel" aria-labelledby="${this.ids}-tab-${this.tab}">
        ${this.tab === 'pools'
          ? this.renderPools()
          : html`<ld-model-editor
              part="model-editor"
              .client=${this.client}
              reservations-href=${this.reservationsHref}
              @ld-model-change=${() => this.refresh()}
            ></ld-model-editor>`}
      </div>
    </section>`;
  }

  private renderPools() {
    return this.poolsTask.render({
      initial: () => html`<ld-status loading loading-text="Loading pools…"></ld-status>`,
      pending: () =>
        this.poolsTask.value ? this.renderPoolList(this.poolsTask.value) : html`<ld-status loading loading-text="Loading pools…"></ld-status>`,
      complete: (pools) => this.renderPoolList(pools),
      error: (error) => html`<ld-status .error=${error} operation="view the license pools" retryable @ld-retry=${() => this.refresh()}></ld-status>`,
    });
  }

  private renderPoolList(pools: LicensePool[]) {
    if (pools.length === 0) return html`<ld-status empty empty-text="The server reports no pools."></ld-status>`;
    const size = this.effectivePageSize;
    const pageCount = Math.max(1, Math.ceil(pools.length / size));
    const pageNumber = Math.min(this.pageNumber, pageCount);
    const shown = pools.slice((pageNumber - 1) * size, pageNumber * size);
    const named = pools.filter((p) => !p.default).length;
    return html`<p class="hint">
        ${named === 0
          ? 'No model definition with named pools is active: every license count is in the default pool, served first come, first served.'
          : `${named === 1 ? '1 named pool' : `${named} named pools`} and the default pool. Counts not placed in a named pool stay in the default pool.`}
      </p>
      <ul class="pools">
        ${shown.map((pool) => this.renderPool(pool))}
      </ul>
      <ld-pager
        part="pager"
        .total=${pools.length}
        .pageSize=${size}
        .pageNumber=${pageNumber}
        noun="pools"
        label="Pages of pools"
        @ld-page-change=${(e: CustomEvent<{ pageNumber: number }>) => {
          e.stopPropagation();
          this.pageNumber = e.detail.pageNumber;
        }}
      ></ld-pager>`;
  }

  private renderPool(pool: LicensePool) {
    const open = this.expanded.has(pool.name);
    const id = `${this.ids}-pool-${encodeId(pool.name)}`;
    const columns: LdColumn<PoolFeature>[] = [
      { key: 'featureName', header: 'Feature Name', truncate: 40, copyable: true },
      { key: 'featureVersion', header: 'Version' },
      { key: 'expiry', header: 'Expiration Date', value: (f) => formatPoolExpiry(f.expiry) },
      { key: 'allocated', header: 'Allocated', align: 'end', value: (f) => (f.uncounted ? -1 : f.allocated), render: allocatedText },
      { key: 'used', header: 'Used', align: 'end' },
      {
        key: 'status',
        header: 'Status',
        value: (f) => STATUS_TEXT[poolFeatureStatus(f)] ?? poolFeatureStatus(f),
        template: (f) => {
          const status = poolFeatureStatus(f);
          return html`<span class="badge ${status === 'OK' ? 'ok' : status === 'EXHAUSTED' ? 'warn' : 'bad'}">${STATUS_TEXT[status] ?? status}</span>`;
        },
      },
    ];
    // Uncounted records have no limit: their use is not compared with an allocation.
    const counted = pool.features.filter((f) => !f.uncounted);
    const allocated = counted.reduce((n, f) => n + f.allocated, 0);
    const used = counted.reduce((n, f) => n + f.used, 0);
    const over = used - allocated;
    const featureCount = pool.features.length === 1 ? '1 feature' : `${pool.features.length} features`;
    return html`<li part="pool" class="pool" data-pool=${pool.name}>
      <h3 class="pool-heading">
        <button
          part="pool-toggle"
          class="pool-toggle"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${id}
          @click=${() => this.toggle(pool.name)}
        >
          <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span>
          <span class="pool-name">${pool.name}</span>
          ${pool.default ? html`<span class="badge">default pool</span>` : nothing}
          <span class="pool-summary">
            ${over > 0
              ? html`${featureCount}, ${allocated} allocated, ${used} used
                  <span part="over-use" class="badge warn over-use"
                    >over by ${over}${pool.default ? ': counts held from before the model' : ''}</span
                  >`
              : html`${featureCount}, ${used} of ${allocated} used`}
          </span>
        </button>
      </h3>
      <div id=${id} class="pool-body" ?hidden=${!open}>
        ${open
          ? html`<ld-data-table
              part="pool-features"
              caption="Features in pool ${pool.name}"
              hide-caption
              .columns=${columns}
              .rows=${pool.features}
              .rowKey=${(f: PoolFeature) => `${f.featureId}/${f.featureName}/${f.featureVersion}`}
              empty-text="No features are allocated to this pool."
            ></ld-data-table>`
          : nothing}
      </div>
    </li>`;
  }

  private select(tab: PoolsViewTab): void {
    if (this.tab === tab) return;
    this.tab = tab;
  }

  private handleTabKeydown = async (event: KeyboardEvent): Promise<void> => {
    const index = POOLS_VIEW_TABS.indexOf(this.tab);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % POOLS_VIEW_TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + POOLS_VIEW_TABS.length) % POOLS_VIEW_TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = POOLS_VIEW_TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    this.select(POOLS_VIEW_TABS[next]!);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-tab="${this.tab}"]`)?.focus();
  };
}

function formatPoolExpiry(expiry: string | null | undefined): string {
  const parsed = parseExpiry(expiry ?? null);
  return parsed.ok ? formatExpiry(parsed.value) : String(expiry);
}

function encodeId(name: string): string {
  return Array.from(name, (c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('');
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-pools-view': LdPoolsView;
  }
}
