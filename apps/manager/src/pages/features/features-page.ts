import { html } from 'lit';
// Define entries register one tag each: the elements this view renders inside are registered here too.
import '@licensedesk/web-components/define/data-table';
import '@licensedesk/web-components/define/pager';
import '@licensedesk/web-components/define/status';
import '@licensedesk/web-components/define/features-table';
import type { LdFeatureSelectEvent, LdFeaturesTable, LdPageChangeEvent } from '@licensedesk/web-components';
import { definePage, PageElement } from '../page-element.js';

/** Features: Summary and Details tabs with exact-name search; a row opens Feature Details. */
class FeaturesPage extends PageElement {
  protected override render() {
    const view = this.query.get('view') === 'details' ? 'details' : 'summary';
    const page = Number(this.query.get('page') ?? '1');
    return html`<ld-features-table
      ?focus-on-load=${this.focusOnLoad}
      .view=${view}
      .featureName=${this.query.get('feature') ?? ''}
      .pageNumber=${Number.isInteger(page) && page > 0 ? page : 1}
      @ld-feature-select=${this.handleSelect}
      @ld-page-change=${this.handlePageChange}
    ></ld-features-table>`;
  }

  override refresh(): void {
    this.querySelector<LdFeaturesTable>('ld-features-table')?.reload();
  }

  private handleSelect = (event: LdFeatureSelectEvent): void => {
    this.app.navigate(`/features/${event.detail.id}`);
  };

  private handlePageChange = (event: LdPageChangeEvent): void => {
    // Keep the page in the address so a reload or a shared link shows the same page.
    const url = new URL(location.href);
    const table = this.querySelector<LdFeaturesTable>('ld-features-table');
    url.searchParams.set('page', String(event.detail.pageNumber));
    if (table?.view === 'details') url.searchParams.set('view', 'details');
    else url.searchParams.delete('view');
    if (table?.featureName) url.searchParams.set('feature', table.featureName);
    else url.searchParams.delete('feature');
    history.replaceState(history.state, '', url);
  };
}

export const tag = 'ldm-features-page';
definePage(tag, FeaturesPage);
