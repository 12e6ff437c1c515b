import { html, render } from 'lit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from '@vitest/browser/context';
import { createLicenseServerClient, featureStatus, type Feature } from '@licensedesk/sdk';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent, settle } from '../../../test/setup/fixture.js';
import { grantFeatures, startAdminServer, type AdminServer, type GrantedFeature } from '../../../test/setup/admin-server.js';
import {
  HTML_PAYLOAD,
  deepElements,
  headers,
  rewritingFetch,
  rowElements,
  rowObjects,
  rows,
  statusText,
  tableIn,
  waitForStatus,
  waitForTable,
} from '../../../test/license-views/helpers.js';
import type { LdFeatureSelectEvent } from '../../events/feature-select.js';
import type { LdCopyEvent } from '../../events/copy.js';
import type { LdFeaturesTable } from './features-table.js';

const admin = await createTestClient();

/** Every feature record, straight from the API (no SDK helpers). */
async function rawFeatures(): Promise<Feature[]> {
  const { data, error } = await admin.raw.GET('/features', {});
  if (error || !data) throw new Error('listing features failed');
  return data;
}

/** An expiry as the view must show it, worked out here without the SDK. */
function shownExpiry(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '' || value.toLowerCase() === 'permanent') return 'Permanent';
  if (/^0000-/.test(value)) return 'Permanent';
  return value;
}

/** Sort key of an expiry: dates as text, permanent after every date. */
function expiryKey(value: string | null | undefined): string {
  return shownExpiry(value) === 'Permanent' ? '~' : (value as string);
}

/** The Summary the view must show, computed independently from the raw records. */
function expectedSummary(records: Feature[]): Array<Record<string, string>> {
  const groups = new Map<string, Feature[]>();
  for (const r of records) {
    const key = `${r.featureName}\u0000${r.featureVersion}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((list) => {
    const uncounted = list.some((r) => r.uncounted === true);
    const count = list.reduce((sum, r) => sum + r.featureCount, 0);
    const used = list.reduce((sum, r) => sum + r.used, 0);
    // Only records that can be served now have anything available.
    const available = list.filter((r) => featureStatus(r) === 'active').reduce((sum, r) => sum + Math.max(0, r.featureCount - r.used), 0);
    const byExpiry = [...list].sort((a, b) => (expiryKey(a.expiry) < expiryKey(b.expiry) ? -1 : 1));
    return {
      Feature: list[0]!.featureName,
      Version: list[0]!.featureVersion,
      'Total Count': uncounted ? 'Uncounted' : String(count),
      'Total Used': String(used),
      'Total Available': uncounted ? 'Uncounted' : String(available),
      'First Expiration': shownExpiry(byExpiry[0]!.expiry),
      'Last Expiration': shownExpiry(byExpiry[byExpiry.length - 1]!.expiry),
      'Total Overdraft': String(list.reduce((sum, r) => sum + (r.overdraftCount ?? 0), 0)),
      Metered: list.some((r) => r.metered === true) ? 'Yes' : 'No',
      Counted: uncounted ? 'No' : 'Yes',
    };
  });
}

const byKey = (a: Record<string, string>, b: Record<string, string>) =>
  `${a.Feature} ${a.Version}`.localeCompare(`${b.Feature} ${b.Version}`);

async function mount(template = html`<ld-features-table .client=${admin}></ld-features-table>`) {
  const el = await fixture<LdFeaturesTable>(template);
  return el;
}

function tab(el: LdFeaturesTable, name: 'Summary' | 'Details'): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent?.trim() === name);
  if (!found) throw new Error(`no ${name} tab`);
  return found;
}

async function search(el: LdFeaturesTable, name: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#search-input')!;
  input.value = name;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
  await settle(el);
}

describe('<ld-features-table>', () => {
  describe('properties', () => {
    it('repeats at most 60 characters of a long search in the no-match message', async () => {
      const el = await mount();
      await waitForTable(el);
      await search(el, 'q'.repeat(5_000));
      await waitForStatus(el, `No feature is named “${'q'.repeat(60)}…”`);
    });

    it('shows the Summary tab with the vendor columns by default', async () => {
      const el = await mount();
      const table = await waitForTable(el);
      expect(el.view).toBe('summary');
      expect(el.getAttribute('view')).toBe('summary');
      expect(headers(table)).toEqual([
        'Feature',
        'Version',
        'Total Count',
        'Total Used',
        'Total Available',
        'First Expiration',
        'Last Expiration',
        'Total Overdraft',
        'Metered',
        'Counted',
      ]);
      expect(tab(el, 'Summary').getAttribute('aria-selected')).toBe('true');
      expect(tab(el, 'Details').getAttribute('aria-selected')).toBe('false');
    });

    it('adds up every record of a name and version in the Summary (C09)', async () => {
      const records = await rawFeatures();
      const el = await mount();
      const table = await waitForTable(el);
      const shown = rowObjects(table);
      expect([...shown].sort(byKey)).toEqual(expectedSummary(records).sort(byKey));

      // The demo seed's f1: 1.0 x10 permanent (ACT-A) + 1.0 x5 dated (ACT-B) in one row; 2.0 x3 apart.
      const f1Dated = records.find((r) => r.activationId === 'ACT-B')!;
      expect(f1Dated.expiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const f1 = shown.find((r) => r.Feature === 'f1' && r.Version === '1.0')!;
      expect(f1['Total Count']).toBe('15');
      expect(f1['First Expiration']).toBe(f1Dated.expiry);
      expect(f1['Last Expiration']).toBe('Permanent');
      expect(f1.Counted).toBe('Yes');
      const f1v2 = shown.find((r) => r.Feature === 'f1' && r.Version === '2.0')!;
      expect(f1v2['Total Count']).toBe('3');
      expect(f1v2['First Expiration']).toBe('Permanent');
      expect(shown.filter((r) => r.Feature === 'f1')).toHaveLength(2);

      const analyzer = shown.find((r) => r.Feature === 'analyzer' && r.Version === '5.2')!;
      expect(analyzer['Total Overdraft']).toBe('2');
      expect(shown.find((r) => r.Feature === 'render-node')!.Metered).toBe('Yes');
    });

    it('shows uncounted features as "Uncounted" and not counted', async () => {
      const el = await mount();
      const table = await waitForTable(el);
      const viewer = rowObjects(table).find((r) => r.Feature === 'viewer')!;
      expect(viewer['Total Count']).toBe('Uncounted');
      expect(viewer['Total Available']).toBe('Uncounted');
      expect(viewer.Counted).toBe('No');
    });

    it('shows perpetual licenses as "Permanent" and 2099-01-01 as a date (C10)', async () => {
      const el = await mount();
      const table = await waitForTable(el);
      const shown = rowObjects(table);
      expect(shown.find((r) => r.Feature === 'viewer')!['Last Expiration']).toBe('Permanent');
      const modelling = shown.find((r) => r.Feature === 'modélisation')!;
      expect(modelling['First Expiration']).toBe('2099-01-01');
      expect(modelling['Last Expiration']).toBe('2099-01-01');
      // Permanent sorts last: a feature with a dated and a permanent record ends on Permanent.
      const solver = shown.find((r) => r.Feature === 'solver-hpc' && r.Version === '10.1')!;
      expect(solver['Last Expiration']).toBe('Permanent');
      expect(el.shadowRoot!.textContent).not.toMatch(/0000-01-01|Invalid Date|NaN/);
    });

    for (const timezoneId of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      it(`shows date-only expiries as the same calendar date in ${timezoneId}`, async () => {
        const records = await rawFeatures();
        const dated = records.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.expiry ?? ''));
        expect(dated.length).toBeGreaterThan(3);
        await cdp().send('Emulation.setTimezoneOverride', { timezoneId });
        try {
          // The override is in effect: a calendar day here does not start at midnight UTC, so a date
          // read through Date in either direction would land on the wrong day.
          expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(timezoneId);
          expect(Math.abs(new Date(Date.UTC(2026, 3, 30)).getTimezoneOffset())).toBeGreaterThanOrEqual(7 * 60);
          const el = await mount(html`<ld-features-table .client=${admin} view="details" page-size="50"></ld-features-table>`);
          const table = await waitForTable(el);
          const shown = rowObjects(table);
          for (const record of dated) {
            expect(shown.find((r) => r['Feature ID'] === record.featureId)!.Expiration, record.featureId).toBe(record.expiry);
          }
          el.view = 'summary';
          await settle(el);
          await vi.waitFor(() => expect(headers(tableIn(el)!)).toContain('First Expiration'));
          const summary = await waitForTable(el);
          const f1 = rowObjects(summary).find((r) => r.Feature === 'f1' && r.Version === '1.0')!;
          expect(f1['First Expiration']).toBe(records.find((r) => r.activationId === 'ACT-B')!.expiry);
        } finally {
          await cdp().send('Emulation.setTimezoneOverride', { timezoneId: '' });
        }
      });
    }

    it('lists one row per record on the Details tab, with count, expiry, start, vendor string and activation', async () => {
      const records = await rawFeatures();
      const el = await mount(html`<ld-features-table .client=${admin} page-size="50"></ld-features-table>`);
      await waitForTable(el);
      tab(el, 'Details').click();
      await settle(el);
      expect(el.view).toBe('details');
      await vi.waitFor(() => expect(headers(tableIn(el)!)).toContain('Activation ID'));
      const table = await waitForTable(el);
      expect(headers(table)).toEqual([
        'Feature',
        'Version',
        'Count',
        'Used',
        'Expiration',
        'Start Date',
        'Status',
        'Vendor String',
        'Activation ID',
        'Feature ID',
      ]);
      const shown = rowObjects(table);
      expect(shown).toHaveLength(records.length);
      const f1a = shown.find((r) => r['Activation ID'] === 'ACT-A')!;
      expect(f1a).toMatchObject({ Feature: 'f1', Version: '1.0', Count: '10', Expiration: 'Permanent', 'Vendor String': 'region=emea' });
      const f1b = shown.find((r) => r['Activation ID'] === 'ACT-B')!;
      expect(f1b.Count).toBe('5');
      expect(f1b.Expiration).toBe(records.find((r) => r.activationId === 'ACT-B')!.expiry);
      const cloud = records.find((r) => r.featureName === 'cloud-sync')!;
      expect(shown.find((r) => r.Feature === 'cloud-sync')!['Start Date']).toBe(cloud.starts);
      expect(shown.find((r) => r.Feature === 'viewer')!.Count).toBe('Uncounted');
      for (const row of shown) expect(['Active', 'Expired', 'Not started']).toContain(row.Status);
      for (const record of records) {
        const row = shown.find((r) => r['Feature ID'] === (record.featureId || '—') && r.Feature === record.featureName);
        if (row) expect(row.Status).toBe({ active: 'Active', expired: 'Expired', 'not-started': 'Not started' }[featureStatus(record)]);
      }
    });

    it('searches the exact, complete feature name on the server and clears', async () => {
      const el = await mount();
      await waitForTable(el);
      const requests: string[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name.includes('/features')) requests.push(entry.name);
      });
      observer.observe({ entryTypes: ['resource'] });

      await search(el, 'f1');
      await vi.waitFor(() => {
        const shown = rows(tableIn(el)!).map((r) => `${r[0]} ${r[1]}`);
        expect(shown).toEqual(['f1 1.0', 'f1 2.0']);
      });
      expect(el.featureName).toBe('f1');
      await vi.waitFor(() => expect(requests.some((url) => new URL(url).searchParams.get('featureName') === 'f1')).toBe(true));
      observer.disconnect();

      await search(el, 'f');
      await waitForStatus(el, 'No feature is named “f”');
      expect(tableIn(el)).toBeNull();

      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="clear-button"]')!.click();
      await settle(el);
      expect(el.featureName).toBe('');
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('#search-input')!.value).toBe('');
      const table = await waitForTable(el);
      expect(rows(table).length).toBeGreaterThan(10);
    });

    it('pages with the page size from the provider', async () => {
      const el = await fixture<HTMLElement>(
        html`<ld-provider .client=${admin} page-size="5"><ld-features-table></ld-features-table></ld-provider>`,
      );
      const view = el.querySelector<LdFeaturesTable>('ld-features-table')!;
      const table = await waitForTable(view);
      expect(rows(table)).toHaveLength(5);
      const firstPage = rows(table).map((r) => `${r[0]} ${r[1]}`);
      const pager = view.shadowRoot!.querySelector('ld-pager')!;
      await settle(pager);
      expect(pager.shadowRoot!.textContent).toMatch(/Total features: 16/);
      pager.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
      await vi.waitFor(() => expect(view.pageNumber).toBe(2));
      await settle(view);
      const secondPage = rows(tableIn(view)!).map((r) => `${r[0]} ${r[1]}`);
      expect(secondPage).toHaveLength(5);
      expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);
    });

    it('renders vendor strings as text, never as HTML', async () => {
      const info = licenseServer();
      const client = createLicenseServerClient({
        server: info.url,
        credentials: info.admin,
        fetch: rewritingFetch((url, body) =>
          url.pathname.endsWith('/features') && Array.isArray(body)
            ? body.map((f: Feature) => (f.featureName === 'f1' ? { ...f, vendorString: HTML_PAYLOAD } : f))
            : body,
        ),
      });
      const el = await mount(html`<ld-features-table .client=${client} view="details" feature-name="f1"></ld-features-table>`);
      const table = await waitForTable(el);
      expect(rowObjects(table).map((r) => r['Vendor String'])).toEqual([HTML_PAYLOAD, HTML_PAYLOAD, HTML_PAYLOAD]);
      expect(deepElements(el.shadowRoot!).filter((node) => node.localName === 'img')).toEqual([]);
    });

    it('shortens a 2,000-character vendor string and copies it exactly (C13)', async () => {
      const exportPdf = (await rawFeatures()).find((r) => r.featureName === 'export-pdf')!;
      expect(exportPdf.vendorString).toHaveLength(2000);
      const el = await mount(html`<ld-features-table .client=${admin} view="details" feature-name="export-pdf"></ld-features-table>`);
      const table = await waitForTable(el);
      const cell = table.shadowRoot!.querySelector<HTMLElement>('[part~="cell-vendorString"]')!;
      // Shortened on screen, and the table does not overflow the page.
      const value = cell.querySelector<HTMLElement>('[part~="truncated"]')!;
      expect(value.getBoundingClientRect().width).toBeLessThan(600);
      // The wide table scrolls inside its own box; the view never gets wider than the page.
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(document.documentElement.clientWidth + 1);
      expect(table.getBoundingClientRect().width).toBeLessThanOrEqual(el.getBoundingClientRect().width + 1);
      const scroller = table.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect(scroller.scrollWidth).toBeLessThan(2000);
      const copied = nextEvent<LdCopyEvent>(el, 'ld-copy');
      cell.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
      expect((await copied).detail.text).toBe(exportPdf.vendorString);
    });

    it('reflects the view and keeps the version as text in the select event', async () => {
      const el = await mount(html`<ld-features-table .client=${admin} feature-name="solver-hpc"></ld-features-table>`);
      const table = await waitForTable(el);
      const row = rowElements(table).find((tr) => tr.textContent?.includes('10.1'))!;
      const selected = nextEvent<LdFeatureSelectEvent>(el, 'ld-feature-select');
      row.click();
      const { detail } = await selected;
      const records = (await rawFeatures()).filter((r) => r.featureName === 'solver-hpc' && r.featureVersion === '10.1');
      expect(detail).toEqual({
        id: Math.min(...records.map((r) => r.id)),
        featureName: 'solver-hpc',
        featureVersion: '10.1',
        recordIds: records.map((r) => r.id).sort((a, b) => a - b),
      });
      expect(typeof detail.featureVersion).toBe('string');
    });
  });

  describe('events', () => {
    it('emits ld-feature-select across another component\'s shadow root (C35)', async () => {
      class OuterView extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' });
        }
      }
      if (!customElements.get('test-outer-view')) customElements.define('test-outer-view', OuterView);
      const outer = await fixture<HTMLElement>(html`<test-outer-view></test-outer-view>`);
      render(html`<ld-features-table .client=${admin} feature-name="f1"></ld-features-table>`, outer.shadowRoot!);
      const inner = outer.shadowRoot!.querySelector<LdFeaturesTable>('ld-features-table')!;
      const table = await waitForTable(inner);

      const atDocument = nextEvent<LdFeatureSelectEvent>(document, 'ld-feature-select');
      rowElements(table)[1]!.click();
      const event = await atDocument;
      expect(event.bubbles).toBe(true);
      expect(event.composed).toBe(true);
      // Retargeted to the outermost host: consumers read detail, never the inner target.
      expect(event.target).toBe(outer);
      expect(event.detail.featureName).toBe('f1');
      expect(event.detail.featureVersion).toBe('2.0');
      expect(typeof event.detail.featureVersion).toBe('string');
    });

    it('selects a row with the keyboard (Enter) and does not leak the generic row event', async () => {
      const el = await mount(html`<ld-features-table .client=${admin} feature-name="f1"></ld-features-table>`);
      const table = await waitForTable(el);
      let rowEvents = 0;
      const countRowEvents = () => (rowEvents += 1);
      document.addEventListener('ld-row-select', countRowEvents);
      rowElements(table)[0]!.focus();
      const selected = nextEvent<LdFeatureSelectEvent>(el, 'ld-feature-select');
      await userEvent.keyboard('{Enter}');
      const { detail } = await selected;
      document.removeEventListener('ld-row-select', countRowEvents);
      expect(detail.featureName).toBe('f1');
      expect(detail.featureVersion).toBe('1.0');
      expect(detail.recordIds).toHaveLength(2);
      expect(rowEvents).toBe(0);
    });

    it('switches tabs with the arrow keys', async () => {
      const el = await mount();
      await waitForTable(el);
      tab(el, 'Summary').focus();
      await userEvent.keyboard('{ArrowRight}');
      await settle(el);
      expect(el.view).toBe('details');
      expect(el.shadowRoot!.activeElement).toBe(tab(el, 'Details'));
      await userEvent.keyboard('{ArrowLeft}');
      await settle(el);
      expect(el.view).toBe('summary');
    });
  });

  describe('states', () => {
    it('asks for a login when the server wants credentials (401)', async () => {
      const anonymous = await createTestClient({ as: null });
      const loginRequired = nextEvent(document, 'ld-login-required');
      const el = await mount(html`<ld-features-table .client=${anonymous}></ld-features-table>`);
      await waitForStatus(el, 'Login required');
      await loginRequired;
      expect(el.shadowRoot!.querySelector('ld-status')!.shadowRoot!.querySelector('[part~="login-button"]')).not.toBeNull();
      expect(tableIn(el)).toBeNull();
    });

    it('says access denied when the account lacks the read role (403)', async () => {
      const name = `offline-only-${Date.now()}`;
      await admin.users.create({ name, password: 'Offline-Only-Pass1!', roles: ['ROLE_OFFLINE'] });
      try {
        const client = createLicenseServerClient({ server: licenseServer().url });
        await client.login(name, 'Offline-Only-Pass1!');
        const el = await mount(html`<ld-features-table .client=${client}></ld-features-table>`);
        const text = await waitForStatus(el, 'Access denied');
        expect(text).toContain('view the features');
      } finally {
        await admin.users.delete(name);
      }
    });

    it('says the server is unreachable, with the address tried', async () => {
      const { unreachableUrl } = licenseServer();
      const offline = await createTestClient({ as: null, server: unreachableUrl });
      const el = await mount(html`<ld-features-table .client=${offline}></ld-features-table>`);
      const text = await waitForStatus(el, 'License server unreachable');
      expect(text).toContain(unreachableUrl.replace(/^http:\/\//, ''));
      expect(statusText(el)).not.toMatch(/TypeError|Failed to fetch/);
    });

    it('shows a loading state until the data is there, never a blank panel', async () => {
      const info = licenseServer();
      const slow = createLicenseServerClient({
        server: info.url,
        credentials: info.admin,
        fetch: async (input, init) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          return fetch(input, init);
        },
      });
      const el = await mount(html`<ld-features-table .client=${slow}></ld-features-table>`);
      const status = el.shadowRoot!.querySelector('ld-status')!;
      await settle(status);
      expect(statusText(el)).toContain('Loading features…');
      expect(status.shadowRoot!.querySelector('[role="status"]')).not.toBeNull();
      await waitForTable(el);
      expect(statusText(el)).toBe('');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations on either tab', async () => {
      const el = await mount();
      await waitForTable(el);
      await expectNoAxeViolations(el);
      tab(el, 'Details').click();
      await settle(el);
      await vi.waitFor(() => expect(headers(tableIn(el)!)).toContain('Activation ID'));
      await waitForTable(el);
      await expectNoAxeViolations(el);
    });

    it('labels the search field, the tabs and the table', async () => {
      const el = await mount();
      await waitForTable(el);
      const root = el.shadowRoot!;
      expect(root.querySelector('label[for="search-input"]')!.textContent).toContain('Feature name');
      expect(root.querySelector('label[for="search-by"]')!.textContent).toContain('Search By');
      expect(root.querySelector<HTMLSelectElement>('#search-by')!.selectedOptions[0]!.textContent).toBe('Feature');
      expect(root.querySelector('[role="tablist"]')!.getAttribute('aria-label')).toBe('Features views');
      expect(root.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe('tab-summary');
    });
  });

  describe('features installed through the back office (C09, C10)', () => {
    let server: AdminServer;
    let client: Awaited<ReturnType<AdminServer['client']>>;

    beforeAll(async () => {
      server = await startAdminServer({ seed: 'none' });
      client = await server.client();
      // The field case exactly: f1 1.0 x5 permanent (ACT-A) + f1 1.0 x2 until 2026-04-30 (ACT-B) + f1 2.0 x1.
      await grantFeatures(server, client, 'ACT-A', [{ featureName: 'f1', featureVersion: '1.0', count: 5, expiry: 'permanent' }]);
      await grantFeatures(server, client, 'ACT-B', [{ featureName: 'f1', featureVersion: '1.0', count: 2, expiry: '2026-04-30' }]);
      await grantFeatures(server, client, 'ACT-C', [{ featureName: 'f1', featureVersion: '2.0', count: 1, expiry: 'permanent' }]);
      await grantFeatures(server, client, 'ACT-D', [{ featureName: 'g', featureVersion: '1.10', count: 1, expiry: '2099-01-01' }]);
      await grantFeatures(server, client, 'ACT-E', [{ featureName: 'h', featureVersion: '1.0', count: 3 }]);
      const markup = { featureName: 'markup', featureVersion: '1.0', count: 1, vendorString: HTML_PAYLOAD };
      await grantFeatures(server, client, 'ACT-X', [markup as GrantedFeature]);
    }, 60_000);

    afterAll(async () => {
      await server?.stop();
    });

    it('sums one name and version across activations and keeps the first and last expiry', async () => {
      const el = await mount(html`<ld-features-table .client=${client}></ld-features-table>`);
      const table = await waitForTable(el);
      const shown = rowObjects(table);
      expect(shown.filter((r) => r.Feature === 'f1')).toEqual([
        {
          Feature: 'f1',
          Version: '1.0',
          'Total Count': '7',
          'Total Used': '0',
          // ACT-B's 2 counts expired on 2026-04-30: they count in Total Count, not in Total Available.
          'Total Available': Date.now() > Date.parse('2026-04-30T23:59:59.999Z') ? '5' : '7',
          'First Expiration': '2026-04-30',
          'Last Expiration': 'Permanent',
          'Total Overdraft': '0',
          Metered: 'No',
          Counted: 'Yes',
        },
        {
          Feature: 'f1',
          Version: '2.0',
          'Total Count': '1',
          'Total Used': '0',
          'Total Available': '1',
          'First Expiration': 'Permanent',
          'Last Expiration': 'Permanent',
          'Total Overdraft': '0',
          Metered: 'No',
          Counted: 'Yes',
        },
      ]);
      // 2099-01-01 is a date; an entitlement without an expiry is permanent.
      expect(shown.find((r) => r.Feature === 'g')).toMatchObject({ Version: '1.10', 'First Expiration': '2099-01-01' });
      expect(shown.find((r) => r.Feature === 'h')).toMatchObject({ 'First Expiration': 'Permanent', 'Last Expiration': 'Permanent' });
    });

    it('lists each record on the Details tab with its own count and expiry', async () => {
      const el = await mount(html`<ld-features-table .client=${client} view="details" feature-name="f1"></ld-features-table>`);
      const table = await waitForTable(el);
      expect(
        rowObjects(table).map((r) => [r.Feature, r.Version, r.Count, r.Expiration, r['Activation ID']]),
      ).toEqual([
        ['f1', '1.0', '5', 'Permanent', 'ACT-A'],
        ['f1', '1.0', '2', '2026-04-30', 'ACT-B'],
        ['f1', '2.0', '1', 'Permanent', 'ACT-C'],
      ]);
    });

    it('shows a real vendor string holding markup as text', async () => {
      const el = await mount(html`<ld-features-table .client=${client} view="details" feature-name="markup"></ld-features-table>`);
      const table = await waitForTable(el);
      expect(rowObjects(table)[0]!['Vendor String']).toBe(HTML_PAYLOAD);
      expect(deepElements(el.shadowRoot!).filter((node) => node.localName === 'img')).toEqual([]);
    });

    it('keeps "1.10" as text in the select event (C35)', async () => {
      const el = await mount(html`<ld-features-table .client=${client} feature-name="g"></ld-features-table>`);
      const table = await waitForTable(el);
      const selected = nextEvent<LdFeatureSelectEvent>(document, 'ld-feature-select');
      rowElements(table)[0]!.click();
      const { detail } = await selected;
      expect(detail.featureName).toBe('g');
      expect(detail.featureVersion).toBe('1.10');
    });
  });
});
