import { html, render } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from '@vitest/browser/context';
import type { Device } from '@licensedesk/sdk';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent, settle } from '../../../test/setup/fixture.js';
import {
  HTML_PAYLOAD,
  deepElements,
  headers,
  rowElements,
  rowObjects,
  rows,
  statusText,
  tableIn,
  textOf,
  waitForStatus,
  waitForTable,
} from '../../../test/license-views/helpers.js';
import type { LdDeviceSelectEvent } from '../../events/device-select.js';
import { hostidPrefixFilter, type LdDevicesTable } from './devices-table.js';

const admin = await createTestClient();

/** One page of devices straight from the API, with the total the server reports. */
async function rawDevices(query: { hostid?: string; pageSize?: number; pageNumber?: number } = {}) {
  const { data, response } = await admin.raw.GET('/clients', { params: { query } });
  return { items: (data ?? []) as Device[], total: Number(response.headers.get('x-total-count')) };
}

const expectedRow = (d: Device) => ({
  'Device ID': d.hostid.hostidValue,
  'Device ID Type': d.hostid.hostidType,
  'Device Type': d.machineType ?? 'UNKNOWN',
  'Device Alias': d.alias ?? '—',
});

async function filter(el: LdDevicesTable, text: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#filter-input')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="filter-button"]')!.click();
  await settle(el);
}

describe('<ld-devices-table>', () => {
  describe('properties', () => {
    it('repeats at most 60 characters of a long search in the no-match message', async () => {
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${admin}></ld-devices-table>`);
      await waitForTable(el);
      await filter(el, `NO-SUCH-${'Z'.repeat(5_000)}`);
      await waitForStatus(el, `No device ID starts with “NO-SUCH-${'Z'.repeat(52)}…”.`);
    });

    it('lists the first page of devices with the total number of records', async () => {
      const expected = await rawDevices({ pageSize: 20, pageNumber: 1 });
      expect(expected.total).toBeGreaterThan(300);
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${admin}></ld-devices-table>`);
      const table = await waitForTable(el);
      expect(headers(table)).toEqual(['Device ID', 'Device ID Type', 'Device Type', 'Device Alias']);
      expect(rowObjects(table)).toEqual(expected.items.map(expectedRow));
      const pager = el.shadowRoot!.querySelector('ld-pager')!;
      await settle(pager);
      expect(textOf(pager.shadowRoot!.querySelector('[part~="total"]'))).toContain(`Total records: ${expected.total}`);
    });

    it('shows PHYSICAL, VIRTUAL and UNKNOWN device types', async () => {
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${admin} page-size="40"></ld-devices-table>`);
      const table = await waitForTable(el);
      const types = new Set(rowObjects(table).map((r) => r['Device Type']));
      expect([...types].sort()).toEqual(['PHYSICAL', 'UNKNOWN', 'VIRTUAL']);
    });

    it('keeps fewer than 200 rows in the DOM with a page size of 500, and pages through the rest (C27)', async () => {
      const { total } = await rawDevices({ pageSize: 1 });
      const host = await fixture<HTMLElement>(
        html`<ld-provider .client=${admin} page-size="500"><ld-devices-table></ld-devices-table></ld-provider>`,
      );
      const el = host.querySelector<LdDevicesTable>('ld-devices-table')!;
      const table = await waitForTable(el);
      const rowCount = table.shadowRoot!.querySelectorAll('tr').length;
      expect(rowCount).toBeLessThan(200);
      expect(rows(table)).toHaveLength(el.effectivePageSize);
      expect(el.effectivePageSize).toBe(100);

      // The last page holds the remainder, read from the server (not a slice of one huge answer).
      const pager = el.shadowRoot!.querySelector('ld-pager')!;
      await settle(pager);
      const pageButtons = [...pager.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="page"]')];
      const last = pageButtons[pageButtons.length - 1]!;
      const lastPage = Math.ceil(total / 100);
      expect(last.textContent!.trim()).toBe(String(lastPage));
      last.click();
      const expected = await rawDevices({ pageSize: 100, pageNumber: lastPage });
      await vi.waitFor(() => expect(rowObjects(tableIn(el)!)).toEqual(expected.items.map(expectedRow)));
      expect(rows(tableIn(el)!)).toHaveLength(total - (lastPage - 1) * 100);
    });

    it('filters by Device ID prefix on the server and clears', async () => {
      const expected = await rawDevices({ hostid: 'HOST-1*', pageSize: 20, pageNumber: 1 });
      const all = await rawDevices({ pageSize: 1 });
      expect(expected.total).toBeGreaterThan(0);
      expect(expected.total).toBeLessThan(all.total);

      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${admin}></ld-devices-table>`);
      await waitForTable(el);
      const requests: string[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name.includes('/clients')) requests.push(entry.name);
      });
      observer.observe({ entryTypes: ['resource'] });
      await filter(el, 'HOST-1');
      expect(el.hostidFilter).toBe('HOST-1');
      await vi.waitFor(() => expect(rowObjects(tableIn(el)!)).toEqual(expected.items.map(expectedRow)));
      for (const row of rows(tableIn(el)!)) expect(row[0]!.startsWith('HOST-1')).toBe(true);
      await vi.waitFor(() =>
        expect(requests.some((url) => new URL(url).searchParams.get('hostid') === 'HOST-1*')).toBe(true),
      );
      observer.disconnect();
      const pager = el.shadowRoot!.querySelector('ld-pager')!;
      await settle(pager);
      expect(textOf(pager.shadowRoot!.querySelector('[part~="total"]'))).toContain(`Total records: ${expected.total}`);

      await filter(el, 'NO-SUCH-DEVICE');
      await waitForStatus(el, 'No device ID starts with “NO-SUCH-DEVICE”.');
      expect(tableIn(el)).toBeNull();

      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="clear-button"]')!.click();
      await settle(el);
      expect(el.hostidFilter).toBe('');
      await waitForTable(el);
      expect(rows(tableIn(el)!)).toHaveLength(20);
    });

    it('turns a typed prefix into one server filter', () => {
      expect(hostidPrefixFilter('HOST-1')).toBe('HOST-1*');
      expect(hostidPrefixFilter(' HOST-1* ')).toBe('HOST-1*');
      expect(hostidPrefixFilter('  ')).toBeUndefined();
    });

    it('hides the filter form with hide-filter', async () => {
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${admin} hide-filter></ld-devices-table>`);
      await waitForTable(el);
      expect(el.shadowRoot!.querySelector('[part~="filter"]')).toBeNull();
    });

    it('renders device aliases as text, never as HTML', async () => {
      const value = `XSS-ALIAS-${Date.now()}`;
      await admin.licensing.request({
        hostId: { value, type: 'STRING' },
        alias: HTML_PAYLOAD,
        machineType: 'VIRTUAL',
        features: [{ featureName: 'viewer', featureVersion: '1.0', count: 1 }],
      });
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${admin} hostid-filter=${value}></ld-devices-table>`);
      const table = await waitForTable(el);
      expect(rowObjects(table)).toEqual([
        { 'Device ID': value, 'Device ID Type': 'STRING', 'Device Type': 'VIRTUAL', 'Device Alias': HTML_PAYLOAD },
      ]);
      expect(deepElements(el.shadowRoot!).filter((node) => node.localName === 'img')).toEqual([]);
      // Leave the server as it was.
      const [device] = (await rawDevices({ hostid: value })).items;
      await admin.devices.drop(device!.id);
    });
  });

  describe('events', () => {
    it('emits ld-device-select with the device id, also from inside another shadow root', async () => {
      const expected = await rawDevices({ pageSize: 20, pageNumber: 1 });
      class OuterDevices extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' });
        }
      }
      if (!customElements.get('test-outer-devices')) customElements.define('test-outer-devices', OuterDevices);
      const outer = await fixture<HTMLElement>(html`<test-outer-devices></test-outer-devices>`);
      render(html`<ld-devices-table .client=${admin}></ld-devices-table>`, outer.shadowRoot!);
      const el = outer.shadowRoot!.querySelector<LdDevicesTable>('ld-devices-table')!;
      const table = await waitForTable(el);
      const selected = nextEvent<LdDeviceSelectEvent>(document, 'ld-device-select');
      rowElements(table)[2]!.click();
      const event = await selected;
      expect(event.target).toBe(outer);
      const device = expected.items[2]!;
      expect(event.detail).toEqual({ id: device.id, hostid: device.hostid.hostidValue, hostidType: device.hostid.hostidType });
    });

    it('selects with the keyboard: arrows move, Enter selects', async () => {
      const expected = await rawDevices({ pageSize: 20, pageNumber: 1 });
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${admin}></ld-devices-table>`);
      const table = await waitForTable(el);
      rowElements(table)[0]!.focus();
      await userEvent.keyboard('{ArrowDown}');
      const selected = nextEvent<LdDeviceSelectEvent>(el, 'ld-device-select');
      await userEvent.keyboard('{Enter}');
      expect((await selected).detail.id).toBe(expected.items[1]!.id);
    });
  });

  describe('states', () => {
    it('asks for a login without credentials (401)', async () => {
      const anonymous = await createTestClient({ as: null });
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${anonymous}></ld-devices-table>`);
      await waitForStatus(el, 'Login required');
      expect(statusText(el)).toContain('view the devices');
    });

    it('says the server is unreachable, with the address tried', async () => {
      const { unreachableUrl } = licenseServer();
      const offline = await createTestClient({ as: null, server: unreachableUrl });
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${offline}></ld-devices-table>`);
      const text = await waitForStatus(el, 'License server unreachable');
      expect(text).toContain(unreachableUrl.replace(/^http:\/\//, ''));
    });

    it('says when no client is connected', async () => {
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table></ld-devices-table>`);
      await waitForStatus(el, 'No license server client is connected.');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const el = await fixture<LdDevicesTable>(html`<ld-devices-table .client=${admin}></ld-devices-table>`);
      await waitForTable(el);
      await expectNoAxeViolations(el);
      expect(el.shadowRoot!.querySelector('label[for="filter-input"]')!.textContent).toContain('Device ID starts with');
    });
  });
});
