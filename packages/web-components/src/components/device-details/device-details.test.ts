import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from '@vitest/browser/context';
import { createLicenseServerClient, type Device, type DeviceDetail, type Feature } from '@licensedesk/sdk';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent, settle } from '../../../test/setup/fixture.js';
import {
  HTML_PAYLOAD,
  deepElements,
  fieldLabels,
  fieldValue,
  headers,
  rewritingFetch,
  rowObjects,
  statusText,
  textOf,
  waitForStatus,
  waitForTable,
} from '../../../test/license-views/helpers.js';
import { LdLoginEvent } from '../../events/auth.js';
import type { LdBackEvent } from '../../events/back.js';
import type { LdDeviceDroppedEvent } from '../../events/device-dropped.js';
import type { LdDeviceDetails } from './device-details.js';

const admin = await createTestClient();

async function rawDevice(id: number): Promise<{ status: number; device?: DeviceDetail }> {
  const { data, response } = await admin.raw.GET('/clients/{clientId}', { params: { path: { clientId: id } } });
  return { status: response.status, device: data };
}

async function deviceByHostid(value: string): Promise<Device> {
  const { data } = await admin.raw.GET('/clients', { params: { query: { hostid: value } } });
  const found = (data ?? []).find((d) => d.hostid.hostidValue === value);
  if (!found) throw new Error(`no device ${value}`);
  return found;
}

async function featureRecord(id: number): Promise<Feature> {
  const { data } = await admin.raw.GET('/features/{id}', { params: { path: { id } } });
  return data!;
}

/** A device of the test's own, holding one viewer 1.0 (uncounted, permanent) and one render-node 1.0 (dated). */
async function newDevice(alias = 'drop-me'): Promise<{ value: string; device: Device }> {
  const value = `TEST-DEV-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await admin.licensing.request({
    hostId: { value, type: 'STRING' },
    alias,
    machineType: 'VIRTUAL',
    features: [
      { featureName: 'viewer', featureVersion: '1.0', count: 1 },
      { featureName: 'render-node', featureVersion: '1.0', count: 1 },
    ],
  });
  const device = await deviceByHostid(value);
  const { device: detail } = await rawDevice(device.id);
  if (detail?.features.length !== 2) throw new Error('the test device did not get its two features');
  return { value, device };
}

async function loaded(el: LdDeviceDetails): Promise<LdDeviceDetails> {
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="fields"]')).not.toBeNull(), { timeout: 10_000 });
  await settle(el);
  return el;
}

/** A date-time as local `YYYY-MM-DD HH:mm`, the compact form the view shows (full ISO in its title). */
const localMinute = (value: string) => {
  const d = new Date(value);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};
const expiryShown = (value: string | null | undefined) =>
  value === null || value === undefined || value.toLowerCase() === 'permanent' ? 'Permanent' : value.length === 10 ? value : localMinute(value);

function dropButton(el: LdDeviceDetails): HTMLButtonElement | null {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="drop-button"]');
}

describe('<ld-device-details>', () => {
  describe('properties', () => {
    it('shows the device fields and its consumed features', async () => {
      const seeded = await deviceByHostid('F01898AD8DD3');
      const { device } = await rawDevice(seeded.id);
      expect(device!.features.length).toBeGreaterThan(0);
      const el = await loaded(await fixture<LdDeviceDetails>(html`<ld-device-details .client=${admin} device-id=${seeded.id}></ld-device-details>`));
      expect(fieldLabels(el).slice(0, 5)).toEqual(['Device ID', 'ID Type', 'Device Type', 'Alias', 'Device Expiry']);
      expect(fieldValue(el, 'Device ID')).toBe('F01898AD8DD3');
      expect(fieldValue(el, 'ID Type')).toBe('ETHERNET');
      expect(fieldValue(el, 'Device Type')).toBe('PHYSICAL');
      expect(fieldValue(el, 'Alias')).toBe('reserved-f01898ad8dd3');
      expect(fieldValue(el, 'Device Expiry')).toBe(expiryShown(device!.expiry));
      const expiryEl = el.shadowRoot!.querySelector('[part~="field-expiry"] .date')!;
      if (device!.expiry && device!.expiry.length > 10) expect(expiryEl.getAttribute('title')).toBe(new Date(device!.expiry).toISOString());
      expect(getComputedStyle(expiryEl).whiteSpace).toBe('nowrap');
      expect(textOf(el.shadowRoot!.querySelector('h2'))).toBe('Device Details: F01898AD8DD3');

      const table = await waitForTable(el);
      expect(headers(table)).toEqual(['Feature Name', 'Version', 'Used', 'Expiry', 'Start Date', 'Vendor String']);
      expect(rowObjects(table)).toEqual(
        device!.features.map((f) => ({
          'Feature Name': f.featureName,
          Version: f.featureVersion,
          Used: String(f.used),
          Expiry: expiryShown(f.expiry),
          'Start Date': f.starts ?? '—',
          'Vendor String': f.vendorString || '—',
        })),
      );
    });

    it('shows "Permanent" for perpetual features and dates as sent (C10)', async () => {
      const { value, device } = await newDevice();
      try {
        const el = await loaded(await fixture<LdDeviceDetails>(html`<ld-device-details .client=${admin} device-id=${device.id}></ld-device-details>`));
        const table = await waitForTable(el);
        const shown = rowObjects(table);
        const { device: raw } = await rawDevice(device.id);
        const renderExpiry = raw!.features.find((f) => f.featureName === 'render-node')!.expiry!;
        expect(renderExpiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(shown.find((r) => r['Feature Name'] === 'render-node')!.Expiry).toBe(renderExpiry);
        expect(shown.find((r) => r['Feature Name'] === 'viewer')!.Expiry).toBe('Permanent');
        expect(raw!.features.find((f) => f.featureName === 'viewer')!.expiry).toBe('permanent');
        expect(fieldValue(el, 'Device ID')).toBe(value);
      } finally {
        await admin.devices.drop(device.id);
      }
    });

    it('renders server values as text, never as HTML', async () => {
      const { device } = await newDevice(HTML_PAYLOAD);
      try {
        const info = licenseServer();
        const client = createLicenseServerClient({
          server: info.url,
          credentials: info.admin,
          fetch: rewritingFetch((url, body) =>
            url.pathname.endsWith(`/clients/${device.id}`)
              ? { ...(body as DeviceDetail), features: (body as DeviceDetail).features.map((f) => ({ ...f, vendorString: HTML_PAYLOAD })) }
              : body,
          ),
        });
        const el = await loaded(await fixture<LdDeviceDetails>(html`<ld-device-details .client=${client} device-id=${device.id}></ld-device-details>`));
        expect(fieldValue(el, 'Alias')).toBe(HTML_PAYLOAD);
        const table = await waitForTable(el);
        expect(rowObjects(table).map((r) => r['Vendor String'])).toEqual([HTML_PAYLOAD, HTML_PAYLOAD]);
        expect(deepElements(el.shadowRoot!).filter((node) => node.localName === 'img')).toEqual([]);
      } finally {
        await admin.devices.drop(device.id);
      }
    });
  });

  describe('device drop', () => {
    it('offers no drop without the manager option', async () => {
      const seeded = await deviceByHostid('F01898AD8DD3');
      const el = await loaded(await fixture<LdDeviceDetails>(html`<ld-device-details .client=${admin} device-id=${seeded.id}></ld-device-details>`));
      expect(dropButton(el)).toBeNull();
      expect(el.canDrop).toBe(false);
    });

    it('offers no drop to a session without ROLE_DROPCLIENT on a secured server', async () => {
      const reader = await createTestClient({ as: 'reader' });
      const seeded = await deviceByHostid('F01898AD8DD3');
      const host = await fixture<HTMLElement>(
        html`<ld-provider .client=${reader} allow-device-drop><ld-device-details device-id=${seeded.id}></ld-device-details></ld-provider>`,
      );
      const el = await loaded(host.querySelector<LdDeviceDetails>('ld-device-details')!);
      await vi.waitFor(() => expect(statusText(el)).toBe(''));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(dropButton(el)).toBeNull();
    });

    it('offers drop when the server runs without administrative security', async () => {
      const info = licenseServer();
      const seeded = await deviceByHostid('F01898AD8DD3');
      const client = createLicenseServerClient({
        server: info.url,
        fetch: rewritingFetch((url, body) =>
          url.pathname.endsWith('/health') ? { LLS: { ...(body as { LLS: object }).LLS, security: 'disabled' } } : body,
        ),
      });
      await client.login(info.reader.user, info.reader.password);
      const host = await fixture<HTMLElement>(
        html`<ld-provider .client=${client} allow-device-drop><ld-device-details device-id=${seeded.id}></ld-device-details></ld-provider>`,
      );
      const el = await loaded(host.querySelector<LdDeviceDetails>('ld-device-details')!);
      await vi.waitFor(() => expect(dropButton(el)).not.toBeNull());
    });

    it('confirms in a dialog, drops the device, releases its counts and emits ld-device-dropped', async () => {
      const { value, device } = await newDevice();
      const { device: before } = await rawDevice(device.id);
      const heldIds = new Set(before!.features.map((c) => c.featureId));
      const { data: records } = await admin.raw.GET('/features', {});
      const held = records!.filter((f) => heldIds.has(f.featureId));
      expect(held.map((f) => f.featureName).sort()).toEqual(['render-node', 'viewer']);
      const usedBefore = new Map(held.map((f) => [f.id, f.used]));

      const host = await fixture<HTMLElement>(
        html`<ld-provider .client=${admin} allow-device-drop><ld-device-details device-id=${device.id}></ld-device-details></ld-provider>`,
      );
      const el = await loaded(host.querySelector<LdDeviceDetails>('ld-device-details')!);
      await vi.waitFor(() => expect(dropButton(el)).not.toBeNull());
      const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;

      // Cancel first: nothing happens, focus returns to the drop button.
      dropButton(el)!.click();
      await vi.waitFor(() => expect(dialog.open).toBe(true));
      await vi.waitFor(() => expect(el.shadowRoot!.activeElement?.id).toBe('cancel-button'));
      expect(textOf(dialog)).toContain(value);
      await expectNoAxeViolations(el);
      await userEvent.keyboard('{Escape}');
      await vi.waitFor(() => expect(dialog.open).toBe(false));
      await vi.waitFor(() => expect(el.shadowRoot!.activeElement).toBe(dropButton(el)));
      expect((await rawDevice(device.id)).status).toBe(200);

      dropButton(el)!.click();
      await vi.waitFor(() => expect(dialog.open).toBe(true));
      const dropped = nextEvent<LdDeviceDroppedEvent>(document, 'ld-device-dropped');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
      const event = await dropped;
      expect(event.detail).toEqual({ id: device.id, hostid: value });
      expect(event.composed).toBe(true);
      await waitForStatus(el, `Device ${value} was dropped`);
      expect(dialog.isConnected && dialog.open).toBe(false);

      expect((await rawDevice(device.id)).status).toBe(404);
      for (const [id, used] of usedBefore) expect((await featureRecord(id)).used).toBe(used - 1);
    });

    it('says access denied when the server refuses the drop (403)', async () => {
      const { device } = await newDevice();
      try {
        const reader = await createTestClient({ as: 'reader' });
        const host = await fixture<HTMLElement>(
          html`<ld-provider .client=${reader} allow-device-drop><ld-device-details device-id=${device.id}></ld-device-details></ld-provider>`,
        );
        // The provider believes the user may drop (say the roles changed on the server since).
        host.dispatchEvent(new LdLoginEvent({ user: 'reader', roles: ['ROLE_READ', 'ROLE_DROPCLIENT'] }));
        const el = await loaded(host.querySelector<LdDeviceDetails>('ld-device-details')!);
        await vi.waitFor(() => expect(dropButton(el)).not.toBeNull());
        dropButton(el)!.click();
        const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;
        await vi.waitFor(() => expect(dialog.open).toBe(true));
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
        const text = await waitForStatus(el, 'Access denied');
        expect(text).toContain('drop devices');
        expect(dialog.open).toBe(false);
        expect((await rawDevice(device.id)).status).toBe(200);
      } finally {
        await admin.devices.drop(device.id);
      }
    });
  });

  describe('events', () => {
    it('emits ld-back from "Back to list"', async () => {
      const seeded = await deviceByHostid('F01898AD8DD3');
      const el = await loaded(await fixture<LdDeviceDetails>(html`<ld-device-details .client=${admin} device-id=${seeded.id}></ld-device-details>`));
      const back = nextEvent<LdBackEvent>(document, 'ld-back');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
      expect((await back).detail).toEqual({ to: 'devices' });
    });
  });

  describe('states', () => {
    it('says when no device has that id', async () => {
      const el = await fixture<LdDeviceDetails>(html`<ld-device-details .client=${admin} device-id="9876543"></ld-device-details>`);
      await waitForStatus(el, 'Not found');
    });

    it('asks for a login without credentials (401)', async () => {
      const anonymous = await createTestClient({ as: null });
      const el = await fixture<LdDeviceDetails>(html`<ld-device-details .client=${anonymous} device-id="1"></ld-device-details>`);
      await waitForStatus(el, 'Login required');
    });

    it('says the server is unreachable, with the address tried', async () => {
      const { unreachableUrl } = licenseServer();
      const offline = await createTestClient({ as: null, server: unreachableUrl });
      const el = await fixture<LdDeviceDetails>(html`<ld-device-details .client=${offline} device-id="1"></ld-device-details>`);
      const text = await waitForStatus(el, 'License server unreachable');
      expect(text).toContain(unreachableUrl.replace(/^http:\/\//, ''));
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const seeded = await deviceByHostid('F01898AD8DD3');
      const host = await fixture<HTMLElement>(
        html`<ld-provider .client=${admin} allow-device-drop><ld-device-details device-id=${seeded.id}></ld-device-details></ld-provider>`,
      );
      const el = await loaded(host.querySelector<LdDeviceDetails>('ld-device-details')!);
      await waitForTable(el);
      await vi.waitFor(() => expect(dropButton(el)).not.toBeNull());
      await expectNoAxeViolations(el);
    });
  });
});
