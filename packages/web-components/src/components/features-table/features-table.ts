import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { summariseFeatures, formatExpiry } from '@licensedesk/sdk';
import { LdFeatureSelectEvent } from '../../events/feature-select.js';
import type { LdPageChangeEvent } from '../../events/page-change.js';
import type { LdRowSelectEvent } from '../../events/row-select.js';
import { LdElement } from '../../internal/ld-element.js';
import type { Feature, FeatureSummary } from '../../internal/sdk.js';
import { PagedList, listStatus, pagedTable, type ListState } from '../../internal/paged-list.js';
import { baseStyles, buttonStyles, fieldStyles } from '../../internal/styles.js';
import { licenseViewStyles } from '../../internal/license-view-styles.js';
import {
  booleanText,
  countText,
  echoText,
  expiryText,
  featureStatusText,
  numberText,
  optionalText,
  viewPageSize,
  NO_VALUE_TEXT,
} from '../../internal/display.js';
import { focusSoon } from '../../internal/focus.js';
import type { LdColumn } from '../data-table/data-table.js';
import styles from './features-table.styles.js';

/** The two tabs of the Features view. */
export const FEATURES_TABLE_VIEWS = ['summary', 'details'] as const;
export type FeaturesTableView = (typeof FEATURES_TABLE_VIEWS)[number];

/** A Summary row: one feature name and version with every record of it added up. */
export interface FeatureSummaryRow extends FeatureSummary {
  /** The lowest record id of the group (what a selection opens). */
  id: number;
  /** Every record id of the group, ascending. */
  recordIds: number[];
}

/** Records fetched at once when the Summary adds up every record (the API's largest page). */
const SUMMARY_FETCH_SIZE = 1000;

const summaryExpiryText = (expiry: FeatureSummary['firstExpiration']): string =>
  expiry ? formatExpiry(expiry) : NO_VALUE_TEXT;

/** Columns of the Summary tab. */
export const SUMMARY_COLUMNS: LdColumn<FeatureSummaryRow>[] = [
  { key: 'featureName', header: 'Feature' },
  { key: 'featureVersion', header: 'Version' },
  { key: 'totalCount', header: 'Total Count', align: 'end', render: (r) => countText(r.totalCount, r.uncounted) },
  { key: 'totalUsed', header: 'Total Used', align: 'end', render: (r) => numberText(r.totalUsed) },
  {
    key: 'totalAvailable',
    header: 'Total Available',
    align: 'end',
    render: (r) => countText(r.totalAvailable, r.uncounted),
  },
  { key: 'firstExpiration', header: 'First Expiration', render: (r) => summaryExpiryText(r.firstExpiration), nowrap: true },
  { key: 'lastExpiration', header: 'Last Expiration', render: (r) => summaryExpiryText(r.lastExpiration), nowrap: true },
  { key: 'totalOverdraft', header: 'Total Overdraft', align: 'end', render: (r) => numberText(r.totalOverdraft) },
  { key: 'metered', header: 'Metered', render: (r) => booleanText(r.metered) },
  { key: 'counted', header: 'Counted', render: (r) => booleanText(r.counted) },
];

/** Columns of the Details tab: one row per feature record. */
export const DETAILS_COLUMNS: LdColumn<Feature>[] = [
  { key: 'featureName', header: 'Feature' },
  { key: 'featureVersion', header: 'Version' },
  { key: 'featureCount', header: 'Count', align: 'end', render: (f) => countText(f.featureCount, f.uncounted) },
  { key: 'used', header: 'Used', align: 'end', render: (f) => numberText(f.used) },
  { key: 'expiry', header: 'Expiration', render: (f) => expiryText(f.expiry), nowrap: true },
  { key: 'starts', header: 'Start Date', render: (f) => optionalText(f.starts), nowrap: true },
  { key: 'status', header: 'Status', value: (f) => featureStatusText(f), render: (f) => featureStatusText(f) },
  { key: 'vendorString', header: 'Vendor String', truncate: 40, render: (f) => optionalText(f.vendorString) },
  { key: 'activationId', header: 'Activation ID', render: (f) => optionalText(f.activationId) },
  { key: 'featureId', header: 'Feature ID', render: (f) => optionalText(f.featureId) },
];

/** Groups records by name and version with the SDK's summary, keeping each group's record ids. */
export function summaryRows(features: readonly Feature[], now: Date | number = Date.now()): FeatureSummaryRow[] {
  const ids = new Map<string, number[]>();
  for (const feature of features) {
    const key = `${feature.featureName}\u0000${feature.featureVersion}`;
    const list = ids.get(key) ?? [];
    list.push(feature.id);
    ids.set(key, list);
  }
  return summariseFeatures(features, { now }).map((summary) => {
    const recordIds = (ids.get(`${summary.featureName}\u0000${summary.featureVersion}`) ?? []).sort((a, b) => a - b);
    return { ...summary, id: recordIds[0] ?? 0, recordIds };
  });
}

interface SummaryResult {
  rows: FeatureSummaryRow[];
  records: number;
}

/**
 * @tagname ld-features-table
 * @summary The Features view: every feature installed on the license server, as a Summary (one row per
 * name and version, counts added up) and as Details (one row per license record), with exact
 * feature-name search and paging.
 *
 * @description The Summary adds up every record of a feature name and version: Total Count, Total Used,
 * Total Available (only from records active now: expired and not-yet-started records serve nothing;
 * "Uncounted" when any record is uncounted), the first and last expiry ("Permanent"
 * sorts last) and Total Overdraft. Details lists each record with its Status (Active, Expired or
 * Not started). Search By: Feature matches the exact, complete name on the server
 * (`featureName`). Page size comes from the manager options (`<ld-provider page-size>`) unless
 * `page-size` is set; at most 100 rows are shown at once. Values are rendered as text.
 *
 * @event ld-feature-select - A feature row was clicked or Enter/Space pressed on it:
 *   `detail {id, featureName, featureVersion, recordIds}`; `featureVersion` is the version text as sent.
 * @event ld-page-change - The user chose another page: `detail {pageNumber, pageSize}` (from the pager).
 * @event ld-login-required - The server asked for credentials (from the status banner).
 *
 * @csspart base - The container.
 * @csspart header - The heading row.
 * @csspart heading - The "Features" heading.
 * @csspart search - The search form.
 * @csspart search-by - The "Search By" select.
 * @csspart search-input - The feature name input.
 * @csspart search-button - The Search button.
 * @csspart clear-button - The Clear button.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab (the selected one also has `tab-selected`).
 * @csspart panel - The tab panel around the table.
 * @csspart status - The loading / empty / error banner.
 * @csspart table - The data table (style its inside through its own parts).
 * @csspart pager - The paging tool.
 *
 * @cssproperty --ld-features-table-gap - Space between the search form, tabs and table.
 * @cssproperty --ld-features-table-tab-accent - Underline color of the selected tab.
 */
export class LdFeaturesTable extends LdElement {
  static override styles = [baseStyles, buttonStyles, fieldStyles, licenseViewStyles, styles];

  /** The tab shown: `summary` (grouped by name and version) or `details` (one row per record). */
  @property({ reflect: true })
  view: FeaturesTableView = 'summary';

  /** The feature name searched for (exact and complete); empty lists every feature. */
  @property({ attribute: 'feature-name' })
  featureName = '';

  /** Lists only features that have started and not expired. */
  @property({ type: Boolean, attribute: 'active-only' })
  activeOnly = false;

  /** Records per page; when unset, the manager option from `<ld-provider>` (at most 100). */
  @property({ type: Number, attribute: 'page-size' })
  pageSize?: number;

  /** The page shown (1-based). */
  @property({ type: Number, attribute: 'page-number' })
  pageNumber = 1;

  /** Hides the view's own "Features" heading (when the host page has one). */
  @property({ type: Boolean, attribute: 'hide-heading' })
  hideHeading = false;

  /** Moves focus to the heading once the first data is shown. */
  @property({ type: Boolean, attribute: 'focus-on-load' })
  focusOnLoad = false;

  /** Text in the search field, applied on Search. */
  @state()
  private draft = '';

  @query('.heading')
  private headingElement?: HTMLElement;

  private focused = false;

  /** The page size in use. */
  get effectivePageSize(): number {
    return viewPageSize(this.pageSize, this.managerOptions.pageSize);
  }

  private summaryTask = new Task(this, {
    task: async ([client, view, featureName, activeOnly], { signal }): Promise<SummaryResult | typeof initialState> => {
      if (!client || view !== 'summary') return initialState;
      const filter = { ...(featureName ? { featureName } : {}), ...(activeOnly ? { activeOnly } : {}) };
      const records = await client.features.list(filter, { signal }).all(SUMMARY_FETCH_SIZE);
      return { rows: summaryRows(records), records: records.length };
    },
    args: () => [this.client, this.view, this.featureName, this.activeOnly] as const,
  });

  private details = new PagedList(this, {
    args: () => [this.client, this.view, this.featureName, this.activeOnly] as const,
    list: ([client, view, featureName, activeOnly], signal) => {
      if (!client || view !== 'details') return undefined;
      const filter = { ...(featureName ? { featureName } : {}), ...(activeOnly ? { activeOnly } : {}) };
      return client.features.list(filter, { signal });
    },
    pageNumber: () => this.pageNumber,
    pageSize: () => this.effectivePageSize,
  });

  /** Loads the current tab again. */
  reload(): void {
    if (this.view === 'summary') void this.summaryTask.run();
    else this.details.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('featureName')) this.draft = this.featureName;
  }

  protected override updated(): void {
    const status = this.view === 'summary' ? this.summaryTask.status : this.details.status;
    if (this.focusOnLoad && !this.focused && status === TaskStatus.COMPLETE) {
      this.focused = true;
      focusSoon(this.headingElement);
    }
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="heading" @ld-retry=${this.handleRetry}>
      <div part="header" class="header ${this.hideHeading ? 'visually-hidden' : ''}">
        <h2 part="heading" class="heading" id="heading" tabindex="-1">Features</h2>
      </div>
      ${this.renderSearch()}
      <div part="tabs" class="tabs" role="tablist" aria-label="Features views" @keydown=${this.handleTabKeydown}>
        ${FEATURES_TABLE_VIEWS.map((view) => {
          const selected = this.view === view;
          return html`<button
            part=${selected ? 'tab tab-selected' : 'tab'}
            class="tab"
            type="button"
            role="tab"
            id="tab-${view}"
            data-view=${view}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.selectView(view)}
          >
            ${view === 'summary' ? 'Summary' : 'Details'}
          </button>`;
        })}
      </div>
      <div part="panel" class="panel" role="tabpanel" id="panel" aria-labelledby="tab-${this.view}">
        ${this.view === 'summary' ? this.renderSummary() : this.renderDetails()}
      </div>
    </section>`;
  }

  private renderSearch() {
    return html`<form part="search" class="search" role="search" aria-label="Search features" @submit=${this.handleSearch}>
      <div class="field">
        <label for="search-by">Search By</label>
        <select part="search-by" id="search-by" name="searchBy">
          <option value="feature" selected>Feature</option>
        </select>
      </div>
      <div class="field">
        <label for="search-input">Feature name</label>
        <input
          part="search-input"
          id="search-input"
          name="featureName"
          type="search"
          autocomplete="off"
          spellcheck="false"
          .value=${live(this.draft)}
          @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
        />
      </div>
      <button part="search-button" class="button primary" type="submit">Search</button>
      <button part="clear-button" class="button" type="button" @click=${this.handleClear}>Clear</button>
    </form>`;
  }

  private emptyText(): string {
    if (this.featureName) return `No feature is named “${echoText(this.featureName)}”. The search matches the exact, complete name.`;
    return this.activeOnly ? 'No active features are installed on the license server.' : 'No features are installed on the license server.';
  }

  private renderStatus(state: ListState) {
    if (!this.client) {
      return html`<ld-status part="status" notice="No license server client is connected." variant="warning"></ld-status>`;
    }
    return listStatus(
      { error: state.error, loading: state.loading, empty: state.empty && !state.error && !state.loading },
      { part: 'status', emptyText: this.emptyText(), loadingText: 'Loading features…', operation: 'view the features' },
    );
  }

  private renderSummary() {
    const status = this.summaryTask.status;
    const result = status === TaskStatus.ERROR ? undefined : (this.summaryTask.value as SummaryResult | undefined);
    const rows = result?.rows ?? [];
    const size = this.effectivePageSize;
    const pageCount = Math.max(1, Math.ceil(rows.length / size));
    const page = Math.min(Math.max(1, this.pageNumber), pageCount);
    const shown = rows.slice((page - 1) * size, page * size);
    const error = status === TaskStatus.ERROR ? this.summaryTask.error : undefined;
    // Before the first run starts the task is INITIAL: show loading then too, never a blank panel.
    const loading = (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) && this.summaryTask.value === undefined;
    return html`${this.renderStatus({ error, loading, empty: !!result && rows.length === 0 })}
      ${result && rows.length > 0
        ? pagedTable(
            { items: shown, total: rows.length, pageSize: size, pageNumber: page },
            {
              caption: 'Feature summary',
              columns: SUMMARY_COLUMNS,
              loading: status === TaskStatus.PENDING,
              onSelect: this.handleSummarySelect,
              pagerLabel: 'Feature summary pages',
              noun: 'features',
              onPageChange: this.handlePageChange,
            },
          )
        : nothing}`;
  }

  private renderDetails() {
    const page = this.details.page;
    return html`${this.renderStatus(this.details)}
      ${page && page.total > 0
        ? pagedTable(page, {
            caption: 'Feature records',
            columns: DETAILS_COLUMNS,
            loading: this.details.status === TaskStatus.PENDING,
            onSelect: this.handleDetailsSelect,
            pagerLabel: 'Feature record pages',
            noun: 'records',
            onPageChange: this.handlePageChange,
          })
        : nothing}`;
  }

  private selectView(view: FeaturesTableView, focus = false): void {
    if (this.view !== view) {
      this.view = view;
      this.pageNumber = 1;
    }
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLButtonElement>(`[role="tab"][data-view="${view}"]`)?.focus(),
      );
    }
  }

  private handleTabKeydown = (event: KeyboardEvent): void => {
    const index = FEATURES_TABLE_VIEWS.indexOf(this.view);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % FEATURES_TABLE_VIEWS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + FEATURES_TABLE_VIEWS.length) % FEATURES_TABLE_VIEWS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = FEATURES_TABLE_VIEWS.length - 1;
    if (next === null) return;
    event.preventDefault();
    this.selectView(FEATURES_TABLE_VIEWS[next]!, true);
  };

  private handleSearch = (event: SubmitEvent): void => {
    event.preventDefault();
    // Names are matched exactly by the server; only surrounding blanks are dropped.
    this.featureName = this.draft.trim();
    this.draft = this.featureName;
    this.pageNumber = 1;
  };

  private handleClear = (): void => {
    this.draft = '';
    this.featureName = '';
    this.pageNumber = 1;
    this.renderRoot.querySelector<HTMLInputElement>('#search-input')?.focus();
  };

  private handlePageChange = (event: LdPageChangeEvent): void => {
    this.pageNumber = event.detail.pageNumber;
  };

  private handleRetry = (event: Event): void => {
    event.stopPropagation();
    this.reload();
  };

  private handleSummarySelect = (event: LdRowSelectEvent<FeatureSummaryRow>): void => {
    event.stopPropagation();
    const row = event.detail.row;
    this.dispatchEvent(
      new LdFeatureSelectEvent({
        id: row.id,
        featureName: row.featureName,
        featureVersion: String(row.featureVersion),
        recordIds: [...row.recordIds],
      }),
    );
  };

  private handleDetailsSelect = (event: LdRowSelectEvent<Feature>): void => {
    event.stopPropagation();
    const row = event.detail.row;
    this.dispatchEvent(
      new LdFeatureSelectEvent({
        id: row.id,
        featureName: row.featureName,
        featureVersion: String(row.featureVersion),
        recordIds: [row.id],
      }),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-features-table': LdFeaturesTable;
  }
}
