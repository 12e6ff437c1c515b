import { html } from 'lit';
import { live } from 'lit/directives/live.js';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/data-table';
import '@licensedesk/web-components/define/pager';
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/features-table';
import type { LdFeatureSelectEvent, LdFeaturesTable } from '@licensedesk/web-components';
import { definePage, PageElement } from '../page-element.js';

/** Features: Summary and Details tabs with exact-name search; a row opens Feature Details. */
class FeaturesPage extends PageElement {
  protected override render() {
    const view = this.query.get('view') === 'details' ? 'details' : 'summary';
    const page = Number(this.query.get('page') ?? '1');
    return html`<ld-features-table
      ?focus-on-load=${this.focusOnLoad}
      .view=${live(view)}
      .featureName=${live(this.query.get('feature') ?? '')}
      .pageNumber=${live(Number.isInteger(page) && page > 0 ? page : 1)}
      @ld-feature-select=${this.handleSelect}
    ></ld-features-table>`;
  }

  constructor() {
    super();
    this.trackQuery();
  }

  protected override stateElement(): LdFeaturesTable | null {
    return this.querySelector<LdFeaturesTable>('ld-features-table');
  }

  /** `?view=details`, `?feature=<name>` and `?page=<n>`, each only when not the default. */
  protected override currentQuery(): URLSearchParams | null {
    const table = this.stateElement();
    if (!table) return null;
    const query = new URLSearchParams();
    if (table.view === 'details') query.set('view', 'details');
    if (table.featureName) query.set('feature', table.featureName);
    if (table.pageNumber > 1) query.set('page', String(table.pageNumber));
    return query;
  }

  override refresh(): void {
    this.querySelector<LdFeaturesTable>('ld-features-table')?.reload();
  }

  private handleSelect = (event: LdFeatureSelectEvent): void => {
    this.app.navigate(`/features/${event.detail.id}`);
  };
}

export const tag = 'ldm-features-page';
definePage(tag, FeaturesPage);
