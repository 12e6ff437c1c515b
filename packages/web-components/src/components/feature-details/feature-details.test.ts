import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { createLicenseServerClient, type Feature, type FeatureUsage } from '@licensedesk/sdk';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent, settle } from '../../../test/setup/fixture.js';
import {
  HTML_PAYLOAD,
  deepElements,
  fieldLabels,
  fieldValue,
  headers,
  rewritingFetch,
  rowElements,
  rowObjects,
  tableIn,
  textOf,
  waitForStatus,
  waitForTable,
} from '../../../test/license-views/helpers.js';
import type { LdBackEvent } from '../../events/back.js';
import type { LdCopyEvent } from '../../events/copy.js';
import type { LdDeviceSelectEvent } from '../../events/device-select.js';
import type { LdFeatureDetails } from './feature-details.js';

const admin = await createTestClient();

async function rawFeatures(): Promise<Feature[]> {
  const { data } = await admin.raw.GET('/features', {});
  return data ?? [];
}

async function record(predicate: (f: Feature) => boolean): Promise<Feature> {
  const found = (await rawFeatures()).find(predicate);
  if (!found) throw new Error('no such feature in the demo seed');
  return found;
}

async function rawClients(id: number): Promise<{ items: FeatureUsage[]; total: number }> {
  const { data, response } = await admin.raw.GET('/features/{id}/clients', { params: { path: { id } } });
  return { items: data ?? [], total: Number(response.headers.get('x-total-count')) };
}

async function mount(id: number, client = admin, extra = '') {
  const el = await fixture<LdFeatureDetails>(
    extra === 'paged'
      ? html`<ld-feature-details .client=${client} feature-id=${id} page-size="5"></ld-feature-details>`
      : html`<ld-feature-details .client=${client} feature-id=${id}></ld-feature-details>`,
  );
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="fields"]')).not.toBeNull(), { timeout: 10_000 });
  await settle(el);
  return el;
}

/** A date-time as local `YYYY-MM-DD HH:mm`, the compact form the view shows. */
function localMinute(value: string): string {
  const d = new Date(value);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

describe('<ld-feature-details>', () => {
  describe('properties', () => {
    it('shows every field of the feature record', async () => {
      const f1 = await record((f) => f.activationId === 'ACT-A');
      const el = await mount(f1.id);
      expect(fieldLabels(el)).toEqual([
        'Feature Name',
        'Version',
        'Start Date',
        'Total Count',
        'Available',
        'Used Count',
        'Reserved Count',
        'Vendor String',
        'Feature Expiry',
        'Status',
        'Feature Selectors',
        'Overdraft Count',
        'Metered',
        'Counted',
        'Activation ID',
        'Feature ID',
      ]);
      expect(fieldValue(el, 'Feature Name')).toBe('f1');
      expect(fieldValue(el, 'Version')).toBe('1.0');
      expect(fieldValue(el, 'Start Date')).toBe(f1.starts ?? '—');
      expect(fieldValue(el, 'Total Count')).toBe('10');
      expect(f1.used).toBeGreaterThan(0);
      expect(fieldValue(el, 'Used Count')).toBe(String(f1.used));
      expect(fieldValue(el, 'Available')).toBe(String(10 - f1.used));
      expect(fieldValue(el, 'Reserved Count')).toMatch(new RegExp(`^${f1.assignedReserved ?? 0} \\(included in Used Count`));
      expect(fieldValue(el, 'Vendor String')).toContain('region=emea');
      expect(fieldValue(el, 'Feature Expiry')).toBe('Permanent');
      expect(fieldValue(el, 'Status')).toBe(f1.starts && Date.parse(f1.starts) > Date.now() ? 'Not started' : 'Active');
      expect(fieldValue(el, 'Feature Selectors')).toBe('—');
      expect(fieldValue(el, 'Activation ID')).toBe('ACT-A');
      expect(textOf(el.shadowRoot!.querySelector('h2'))).toBe('Feature Details: f1 1.0');
    });

    it('shows the reserved counts in use within the used count', async () => {
      // The demo seed reserves f1 1.0 x2 for F01898AD8DD3, which holds them.
      const records = (await rawFeatures()).filter((f) => f.featureName === 'f1' && f.featureVersion === '1.0');
      const reservedRecord = records.find((f) => (f.assignedReserved ?? 0) > 0);
      expect(reservedRecord).toBeDefined();
      const el = await mount(reservedRecord!.id);
      expect(fieldValue(el, 'Reserved Count')).toMatch(new RegExp(`^${reservedRecord!.assignedReserved} \\(included in Used Count`));
      expect(reservedRecord!.assignedReserved!).toBeLessThanOrEqual(reservedRecord!.used);
    });

    it('shows uncounted records, selectors, non-ASCII text and dates as they are', async () => {
      const viewer = await record((f) => f.featureName === 'viewer');
      let el = await mount(viewer.id);
      expect(fieldValue(el, 'Total Count')).toBe('Uncounted');
      expect(fieldValue(el, 'Available')).toBe('Uncounted');
      expect(fieldValue(el, 'Counted')).toBe('No');

      const translate = await record((f) => f.featureName === 'translate');
      el = await mount(translate.id);
      expect(fieldValue(el, 'Vendor String')).toBe('Zoë Ω — übersetzt Copy');
      const selectors = [...el.shadowRoot!.querySelectorAll('[part~="selectors"] li')].map((li) => textOf(li));
      expect(selectors).toEqual(['edition = pro', 'région = Zoë Ω']);
      expect(fieldValue(el, 'Feature Expiry')).toBe(translate.expiry);

      // The demo seed's cloud-sync starts in a week: it serves nothing yet.
      const cloud = await record((f) => f.featureName === 'cloud-sync');
      el = await mount(cloud.id);
      expect(fieldValue(el, 'Status')).toBe('Not started');
      expect(fieldValue(el, 'Available')).toBe('0');

      const modelling = await record((f) => f.featureName === 'modélisation');
      el = await mount(modelling.id);
      expect(fieldValue(el, 'Feature Expiry')).toBe('2099-01-01');
    });

    it('shows quotes, backslashes and escape-like text in a vendor string exactly (C13)', async () => {
      const plugin = await record((f) => f.featureName === 'plugin-sdk');
      expect(plugin.vendorString).toBe('a"b\\c and a literal \\u0020');
      const el = await mount(plugin.id);
      expect(el.shadowRoot!.querySelector('[part~="vendor-string"]')!.textContent).toBe(plugin.vendorString);
    });

    it('shortens a 2,000-character vendor string, expands it and copies the exact original (C13)', async () => {
      const exportPdf = await record((f) => f.featureName === 'export-pdf');
      const el = await mount(exportPdf.id);
      const value = el.shadowRoot!.querySelector<HTMLElement>('[part~="vendor-string"]')!;
      const expand = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="expand-button"]')!;
      expect(value.textContent).toBe(exportPdf.vendorString);
      expect(expand.getAttribute('aria-expanded')).toBe('false');
      expect(expand.textContent).toContain('Show all (2000 characters)');
      expect(value.getBoundingClientRect().height).toBeLessThan(40);
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(document.documentElement.clientWidth + 1);

      expand.click();
      await settle(el);
      expect(expand.getAttribute('aria-expanded')).toBe('true');
      expect(value.getBoundingClientRect().height).toBeGreaterThan(100);
      // Wrapped, not overflowing.
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(document.documentElement.clientWidth + 1);

      const copied = nextEvent<LdCopyEvent>(el, 'ld-copy');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
      expect((await copied).detail.text).toBe(exportPdf.vendorString);
    });

    it('renders the vendor string as text, never as HTML', async () => {
      const f1 = await record((f) => f.activationId === 'ACT-A');
      const info = licenseServer();
      const client = createLicenseServerClient({
        server: info.url,
        credentials: info.admin,
        fetch: rewritingFetch((url, body) =>
          url.pathname.endsWith(`/features/${f1.id}`) ? { ...(body as Feature), vendorString: HTML_PAYLOAD, selectors: { [HTML_PAYLOAD]: HTML_PAYLOAD } } : body,
        ),
      });
      const el = await mount(f1.id, client);
      expect(el.shadowRoot!.querySelector('[part~="vendor-string"]')!.textContent).toBe(HTML_PAYLOAD);
      expect(textOf(el.shadowRoot!.querySelector('[part~="selectors"]'))).toBe(`${HTML_PAYLOAD} = ${HTML_PAYLOAD}`);
      expect(deepElements(el.shadowRoot!).filter((node) => node.localName === 'img')).toEqual([]);
    });

    it('lists the served devices with their counts and expiry', async () => {
      const f1 = await record((f) => f.activationId === 'ACT-A');
      const served = await rawClients(f1.id);
      expect(served.total).toBeGreaterThan(0);
      const el = await mount(f1.id);
      const table = await waitForTable(el);
      expect(headers(table)).toEqual(['Device ID', 'Device ID Type', 'Device Type', 'Device Alias', 'Total Count Served', 'Expiry']);
      const shown = rowObjects(table);
      expect(shown).toHaveLength(Math.min(served.total, 20));
      for (const [i, usage] of served.items.slice(0, 20).entries()) {
        expect(shown[i]).toEqual({
          'Device ID': usage.client.hostid.hostidValue,
          'Device ID Type': usage.client.hostid.hostidType,
          'Device Type': usage.client.machineType ?? 'UNKNOWN',
          'Device Alias': usage.client.alias ?? '—',
          'Total Count Served': String(usage.useCount),
          Expiry: usage.expiry ? (usage.expiry.length > 10 ? localMinute(usage.expiry) : usage.expiry) : 'Permanent',
        });
      }
      // The full instant stays available as the cell's title; the compact text does not wrap.
      const dated = served.items.slice(0, 20).findIndex((u) => (u.expiry ?? '').length > 10);
      if (dated >= 0) {
        const cell = table.shadowRoot!.querySelectorAll('tbody tr.row')[dated]!.querySelector('[part~="cell-expiry"] .date')!;
        expect(cell.getAttribute('title')).toBe(new Date(served.items[dated]!.expiry!).toISOString());
        expect(getComputedStyle(cell).whiteSpace).toBe('nowrap');
      }
      const total = served.items.reduce((sum, u) => sum + u.useCount, 0);
      expect(total).toBeLessThanOrEqual(f1.used);
    });

    it('pages the served devices', async () => {
      const f1 = await record((f) => f.activationId === 'ACT-A');
      const served = await rawClients(f1.id);
      expect(served.total).toBeGreaterThan(5);
      const el = await mount(f1.id, admin, 'paged');
      const table = await waitForTable(el);
      expect(rowElements(table)).toHaveLength(5);
      const pager = el.shadowRoot!.querySelector('ld-pager')!;
      await settle(pager);
      expect(textOf(pager.shadowRoot!.querySelector('[part~="total"]'))).toContain(`Total devices: ${served.total}`);
      pager.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
      await vi.waitFor(() =>
        expect(rowObjects(tableIn(el)!)[0]!['Device ID']).toBe(served.items[5]!.client.hostid.hostidValue),
      );
    });
  });

  describe('events', () => {
    it('emits ld-back from "Back to list"', async () => {
      const f1 = await record((f) => f.activationId === 'ACT-A');
      const el = await mount(f1.id);
      const back = nextEvent<LdBackEvent>(document, 'ld-back');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
      const event = await back;
      expect(event.detail).toEqual({ to: 'features' });
      expect(event.composed).toBe(true);
    });

    it('emits ld-device-select with the device id for a served device row', async () => {
      const f1 = await record((f) => f.activationId === 'ACT-A');
      const served = await rawClients(f1.id);
      const el = await mount(f1.id);
      const table = await waitForTable(el);
      const selected = nextEvent<LdDeviceSelectEvent>(document, 'ld-device-select');
      rowElements(table)[0]!.click();
      expect((await selected).detail).toEqual({
        id: served.items[0]!.client.id,
        hostid: served.items[0]!.client.hostid.hostidValue,
        hostidType: served.items[0]!.client.hostid.hostidType,
      });
    });
  });

  describe('states', () => {
    it('says when no feature has that id', async () => {
      const el = await fixture<LdFeatureDetails>(html`<ld-feature-details .client=${admin} feature-id="987654"></ld-feature-details>`);
      await waitForStatus(el, 'Not found');
    });

    it('says when no feature is selected', async () => {
      const el = await fixture<LdFeatureDetails>(html`<ld-feature-details .client=${admin}></ld-feature-details>`);
      await waitForStatus(el, 'No feature is selected.');
    });

    it('asks for a login without credentials (401)', async () => {
      const f1 = await record((f) => f.activationId === 'ACT-A');
      const anonymous = await createTestClient({ as: null });
      const el = await fixture<LdFeatureDetails>(html`<ld-feature-details .client=${anonymous} feature-id=${f1.id}></ld-feature-details>`);
      await waitForStatus(el, 'Login required');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const translate = await record((f) => f.featureName === 'translate');
      const el = await mount(translate.id);
      await waitForTable(el).catch(() => undefined);
      await expectNoAxeViolations(el);
      const exportPdf = await record((f) => f.featureName === 'export-pdf');
      const other = await mount(exportPdf.id);
      await expectNoAxeViolations(other);
    });
  });
});
