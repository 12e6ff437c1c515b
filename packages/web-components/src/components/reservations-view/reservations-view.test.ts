import { html } from 'lit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReservationGroupInput } from '@licensedesk/sdk';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import {
  deleteAllGroups,
  grantFeatures,
  startAdminServer,
  typeInto,
  visibleText,
  type AdminServer,
} from '../../../test/setup/admin-server.js';
import { licenseServer } from '../../../test/setup/client.js';
import type { LdDownloadEvent, LdReservationsChangedEvent } from '../../events/admin.js';
import type { LdNavigateEvent } from '../../events/navigate.js';
import type { LicenseServerClient } from '../../internal/sdk.js';
import type { LdDataTable } from '../data-table/data-table.js';
import type { LdReservationForm } from '../reservation-form/reservation-form.js';
import type { LdReservationsView } from './reservations-view.js';

let server: AdminServer;
let admin: LicenseServerClient;

const OPS: ReservationGroupInput = {
  name: 'ops',
  reservations: [{ hostId: { value: 'AA11BB22CC33', type: 'ETHERNET' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] }],
};
const DEV: ReservationGroupInput = {
  name: 'dev',
  reservations: [
    {
      hostId: { value: 'zoë@example.com', type: 'USER' },
      reservationEntries: [
        { featureName: 'f2', featureVersion: '2.0', featureCount: 2 },
        { featureName: 'f3', featureVersion: '1.0', featureCount: 1 },
      ],
    },
  ],
};

beforeAll(async () => {
  server = await startAdminServer({ seed: 'none' });
  admin = await server.client();
  // Field case C01: f1 1.0 has 2 counts on the server.
  await grantFeatures(server, admin, 'ACT-RES', [
    { featureName: 'f1', featureVersion: '1.0', count: 2 },
    { featureName: 'f2', featureVersion: '2.0', count: 10 },
    { featureName: 'f3', featureVersion: '1.5', count: 4 },
  ]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

beforeEach(async () => {
  await deleteAllGroups(admin);
});

async function mount(client: LicenseServerClient = admin, pageSize = 20): Promise<LdReservationsView> {
  const view = await fixture<LdReservationsView>(html`<ld-reservations-view .client=${client} page-size=${pageSize}></ld-reservations-view>`);
  await vi.waitFor(() => expect(view.shadowRoot!.querySelector('ld-data-table, ld-status[empty]')).not.toBeNull());
  return view;
}

function table(view: LdReservationsView): LdDataTable {
  return shadowQuery<LdDataTable>(view, 'ld-data-table');
}

/** The table's rows as the texts of their cells. */
function rowTexts(view: LdReservationsView): string[][] {
  const rows = table(view).shadowRoot!.querySelectorAll('tbody tr.row');
  return [...rows].map((tr) => [...tr.querySelectorAll('td')].map((td) => visibleText(td)));
}

function groupBoxes(view: LdReservationsView, groupId?: number): HTMLInputElement[] {
  const selector = groupId === undefined ? 'input.group-checkbox' : `input.group-checkbox[data-group="${groupId}"]`;
  return [...table(view).shadowRoot!.querySelectorAll<HTMLInputElement>(selector)];
}

function form(view: LdReservationsView): LdReservationForm {
  return shadowQuery<LdReservationForm>(view, 'ld-reservation-form');
}

function field(el: Element, name: string): HTMLInputElement {
  return shadowQuery<HTMLInputElement>(el, `[name="${name}"]`);
}

function button(el: Element, part: string): HTMLButtonElement {
  return shadowQuery<HTMLButtonElement>(el, `[part~="${part}"]`);
}

async function addEntry(formEl: LdReservationForm, entry: { deviceId: string; idType: string; featureName: string; featureVersion: string; featureCount: string }) {
  typeInto(field(formEl, 'idType') as unknown as HTMLSelectElement, entry.idType);
  typeInto(field(formEl, 'deviceId'), entry.deviceId);
  typeInto(field(formEl, 'featureName'), entry.featureName);
  typeInto(field(formEl, 'featureVersion'), entry.featureVersion);
  typeInto(field(formEl, 'featureCount'), entry.featureCount);
  await formEl.updateComplete;
  button(formEl, 'add-button').click();
  await vi.waitFor(() => expect(formEl.shadowRoot!.querySelector('input[name="featureName"]')!.getAttribute('aria-invalid')).toBe('false'));
  await formEl.updateComplete;
}

describe('<ld-reservations-view>', () => {
  describe('properties', () => {
    it('shows one row per reservation entry with status, device id, id type, group, feature, version and count', async () => {
      await admin.reservations.create([OPS, DEV]);
      const view = await mount();
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(3));
      const headers = [...table(view).shadowRoot!.querySelectorAll('th')].map((th) => visibleText(th));
      expect(headers).toEqual(['Select', 'Status', 'Device ID', 'ID Type', 'Reservation Group', 'Feature Name', 'Version', 'Count', 'Actions']);
      const rows = rowTexts(view).map((cells) => cells.slice(1, 8));
      expect(rows).toContainEqual(['ok', 'AA11BB22CC33 Copy', 'ETHERNET', 'ops', 'f1', '1.0', '1']);
      expect(rows).toContainEqual(['ok', 'zoë@example.com Copy', 'USER', 'dev', 'f2', '2.0', '2']);
      // f3 1.0 is satisfied by the server's f3 1.5 (version >= 1.0).
      expect(rows).toContainEqual(['ok', 'zoë@example.com Copy', 'USER', 'dev', 'f3', '1.0', '1']);
      expect(visibleText(shadowQuery(view, 'ld-pager'))).toMatch(/Total reservation groups\s*:\s*2/);
    });

    it('marks entries the server can no longer satisfy as "cannot be satisfied"', async () => {
      // A server of its own: its clock moves past the feature's expiry.
      const own = await startAdminServer({ seed: 'none' });
      try {
        const ownAdmin = await own.client();
        const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
        await grantFeatures(own, ownAdmin, 'ACT-SHORT', [{ featureName: 'f5', featureVersion: '1.0', count: 2, expiry: tomorrow }]);
        await ownAdmin.reservations.create({
          name: 'soon',
          reservations: [{ hostId: { value: 'SOON-1', type: 'STRING' }, reservationEntries: [{ featureName: 'f5', featureVersion: '1.0', featureCount: 1 }] }],
        });
        const view = await mount(ownAdmin);
        await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(1));
        expect(rowTexts(view)[0]![1]).toBe('ok');
        await own.advance(3 * 86_400_000);
        // The token expired with the clock: log in again, then look again.
        await ownAdmin.login(licenseServer().admin.user, licenseServer().admin.password);
        view.refresh();
        await vi.waitFor(() => expect(rowTexts(view)[0]?.[1]).toBe('cannot be satisfied'));
        expect(shadowQuery(table(view), '.badge.bad').textContent).toBe('cannot be satisfied');
      } finally {
        await own.stop();
      }
    });

    it('pages by group with the page size given (or the manager settings)', async () => {
      await admin.reservations.create([OPS, DEV]);
      const view = await mount(admin, 1);
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(1));
      expect(rowTexts(view)[0]![4]).toBe('ops');
      const pager = shadowQuery(view, 'ld-pager');
      expect(visibleText(pager)).toMatch(/Total reservation groups\s*:\s*2/);
      shadowQuery<HTMLButtonElement>(pager, 'button[aria-label="Page 2"]').click();
      await vi.waitFor(() => expect(rowTexts(view).map((r) => r[4])).toEqual(['dev', 'dev']));
    });

    it('moves focus to its heading once loaded with focus-on-load', async () => {
      const view = await fixture<LdReservationsView>(html`<ld-reservations-view .client=${admin} focus-on-load></ld-reservations-view>`);
      await vi.waitFor(() => expect(view.shadowRoot!.activeElement?.localName).toBe('h2'));
      expect(view.shadowRoot!.activeElement!.textContent).toBe('Reservations');
    });

    it('shows an empty state without reservations', async () => {
      const view = await mount();
      expect(visibleText(view)).toContain('No reservations.');
    });

    it('hides the controls that change reservations from a user without ROLE_RESERVATIONS', async () => {
      await admin.reservations.create(OPS);
      const reader = await server.client('reader');
      const view = await mount(reader);
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(1));
      expect(view.shadowRoot!.querySelector('[part~="add-button"], [part~="import-button"], [part~="delete-button"]')).toBeNull();
      expect(groupBoxes(view)).toHaveLength(0);
      expect(view.shadowRoot!.querySelector('[part~="export-button"]')).not.toBeNull();
    });

    it('shows access denied for reads when not logged in', async () => {
      const anonymous = await server.client(null);
      const view = await fixture<LdReservationsView>(html`<ld-reservations-view .client=${anonymous}></ld-reservations-view>`);
      await vi.waitFor(() => expect(visibleText(view)).toMatch(/Login required|Log in/));
    });

    it('stays within a narrow container and scrolls a wide table inside its own box', async () => {
      const long = 'x'.repeat(60);
      await admin.reservations.create({
        name: `group-${long}`,
        reservations: [
          { hostId: { value: `HOST-${long}`, type: 'STRING' }, reservationEntries: [{ featureName: 'f2', featureVersion: '2.0', featureCount: 1 }] },
        ],
      });
      const box = await fixture<HTMLDivElement>(
        html`<div style="width: 700px; display: flex"><ld-reservations-view style="flex: 1" .client=${admin} page-size="20"></ld-reservations-view></div>`,
      );
      const view = box.querySelector('ld-reservations-view')!;
      await vi.waitFor(() => expect(view.shadowRoot!.querySelector('ld-data-table')).not.toBeNull());
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(1));
      const scroller = shadowQuery(table(view), '.base');
      // The table really is wider than the container: it scrolls inside the data table's box.
      expect(scroller.scrollWidth).toBeGreaterThan(700);
      expect(view.getBoundingClientRect().width).toBeLessThanOrEqual(700);
      expect(table(view).getBoundingClientRect().width).toBeLessThanOrEqual(700);
      expect(box.scrollWidth).toBeLessThanOrEqual(700);
    });
  });

  describe('delete', () => {
    it('ticks every row of a group with its check box, and deletes ticked groups through pending deletions', async () => {
      const [ops, dev] = await admin.reservations.create([OPS, DEV]);
      const view = await mount();
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(3));
      const devBoxes = groupBoxes(view, dev!.id);
      expect(devBoxes).toHaveLength(2);
      devBoxes[1]!.click();
      await view.updateComplete;
      await table(view).updateComplete;
      expect(groupBoxes(view, dev!.id).every((b) => b.checked)).toBe(true);
      expect(groupBoxes(view, ops!.id).some((b) => b.checked)).toBe(false);
      expect(groupBoxes(view, dev!.id)[0]!.getAttribute('aria-label')).toBe('Select group dev');

      button(view, 'delete-button').click();
      await view.updateComplete;
      expect(view.pendingDeletionNames).toEqual(['dev']);
      expect(visibleText(shadowQuery(view, '[part~="pending-deletions"]'))).toContain('dev');
      // Nothing is deleted before Submit.
      expect((await admin.reservations.list().all()).map((g) => g.name).sort()).toEqual(['dev', 'ops']);

      const changed = nextEvent<LdReservationsChangedEvent>(view, 'ld-reservations-changed');
      button(view, 'submit-deletions-button').click();
      const event = await changed;
      expect(event.detail).toEqual({ action: 'deleted', groups: ['dev'] });
      expect((await admin.reservations.list().all()).map((g) => g.name)).toEqual(['ops']);
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(1));
      expect(view.pendingDeletionNames).toEqual([]);
    });

    it('Cancel empties pending deletions and deletes nothing', async () => {
      const [ops] = await admin.reservations.create([OPS]);
      const view = await mount();
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(1));
      groupBoxes(view, ops!.id)[0]!.click();
      await view.updateComplete;
      button(view, 'delete-button').click();
      await view.updateComplete;
      button(view, 'cancel-deletions-button').click();
      await view.updateComplete;
      expect(view.pendingDeletionNames).toEqual([]);
      expect((await admin.reservations.list().all()).map((g) => g.name)).toEqual(['ops']);
    });
  });

  describe('add', () => {
    it('checks version and count as the user types', async () => {
      const view = await mount();
      button(view, 'add-button').click();
      await view.updateComplete;
      const f = form(view);
      await f.updateComplete;
      typeInto(field(f, 'featureVersion'), '1.x');
      typeInto(field(f, 'featureCount'), '0');
      await f.updateComplete;
      expect(field(f, 'featureVersion').getAttribute('aria-invalid')).toBe('true');
      expect(visibleText(f)).toContain('A version is digits with an optional ".minor" part');
      expect(field(f, 'featureCount').getAttribute('aria-invalid')).toBe('true');
      expect(visibleText(f)).toContain('The count must be a positive whole number');
      typeInto(field(f, 'featureCount'), '2.5');
      await f.updateComplete;
      expect(field(f, 'featureCount').getAttribute('aria-invalid')).toBe('true');
      typeInto(field(f, 'featureVersion'), '1.0');
      typeInto(field(f, 'featureCount'), '3');
      await f.updateComplete;
      expect(field(f, 'featureVersion').getAttribute('aria-invalid')).toBe('false');
      expect(field(f, 'featureCount').getAttribute('aria-invalid')).toBe('false');
      // An ETHERNET device id must be 12 hexadecimal digits.
      typeInto(field(f, 'deviceId'), 'not-a-mac');
      await f.updateComplete;
      expect(field(f, 'deviceId').getAttribute('aria-invalid')).toBe('true');
    });

    it('focuses the first wrong field when Add is pressed with a bad entry', async () => {
      const view = await mount();
      button(view, 'add-button').click();
      await view.updateComplete;
      const f = form(view);
      await f.updateComplete;
      typeInto(field(f, 'deviceId'), 'AA11BB22CC33');
      typeInto(field(f, 'featureName'), 'f1');
      typeInto(field(f, 'featureVersion'), '');
      button(f, 'add-button').click();
      await vi.waitFor(() => expect(f.shadowRoot!.activeElement).toBe(field(f, 'featureVersion')));
      expect(f.pendingEntries).toHaveLength(0);
    });

    it('adds entries to "Reservations (Pending Submission)", Clear resets the entry, Submit creates the group', async () => {
      const view = await mount();
      button(view, 'add-button').click();
      await view.updateComplete;
      const f = form(view);
      await f.updateComplete;
      typeInto(field(f, 'groupName'), 'lab');
      await addEntry(f, { deviceId: 'AA:11:BB:22:CC:44', idType: 'ETHERNET', featureName: 'f1', featureVersion: '1.0', featureCount: '1' });
      await addEntry(f, { deviceId: 'AA:11:BB:22:CC:44', idType: 'ETHERNET', featureName: 'f2', featureVersion: '2.0', featureCount: '3' });
      expect(f.pendingEntries.map((e) => `${e.featureName} ${e.featureVersion} x${e.featureCount}`)).toEqual(['f1 1.0 x1', 'f2 2.0 x3']);
      expect(visibleText(f)).toContain('Reservations (Pending Submission)');

      typeInto(field(f, 'featureName'), 'something');
      button(f, 'clear-button').click();
      await f.updateComplete;
      expect(field(f, 'featureName').value).toBe('');
      expect(field(f, 'deviceId').value).toBe('');
      expect(f.pendingEntries).toHaveLength(2);

      const changed = nextEvent<LdReservationsChangedEvent>(view, 'ld-reservations-changed');
      button(f, 'submit-button').click();
      expect((await changed).detail).toEqual({ action: 'created', groups: ['lab'] });
      const [lab] = await admin.reservations.list({ name: 'lab' }).all();
      expect(lab!.reservations).toHaveLength(1);
      expect(lab!.reservations[0]!.hostId).toEqual({ value: 'AA:11:BB:22:CC:44', type: 'ETHERNET' });
      expect(lab!.reservations[0]!.reservationEntries.map((e) => [e.featureName, e.featureVersion, e.featureCount])).toEqual([
        ['f1', '1.0', 1],
        ['f2', '2.0', 3],
      ]);
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(2));
    });

    it('C01: a group needing more counts than are free is refused whole, and the short feature is named at its entry', async () => {
      await admin.reservations.create(OPS);
      const view = await mount();
      button(view, 'add-button').click();
      await view.updateComplete;
      const f = form(view);
      await f.updateComplete;
      typeInto(field(f, 'groupName'), 'lab');
      await addEntry(f, { deviceId: 'USER-7', idType: 'STRING', featureName: 'f2', featureVersion: '2.0', featureCount: '1' });
      await addEntry(f, { deviceId: 'AA11BB22CC44', idType: 'ETHERNET', featureName: 'f1', featureVersion: '1.0', featureCount: '2' });
      button(f, 'submit-button').click();
      await vi.waitFor(() => expect(f.shadowRoot!.querySelector('.entry-error')).not.toBeNull());
      const refused = [...f.shadowRoot!.querySelectorAll('tr[part~="pending-row-error"]')];
      expect(refused).toHaveLength(1);
      expect(visibleText(refused[0]!)).toContain('AA11BB22CC44');
      expect(visibleText(refused[0]!)).toMatch(/f1 1\.0 needs 2, 1 free/);
      expect(visibleText(shadowQuery(f, 'ld-status'))).toContain('glsErr.insufficientCount');
      // Focus moves to the problem; nothing was created; the entries stay for correction.
      expect(f.shadowRoot!.activeElement?.classList.contains('entry-error')).toBe(true);
      expect((await admin.reservations.list().all()).map((g) => g.name)).toEqual(['ops']);
      expect(f.pendingEntries).toHaveLength(2);
    });

    it('shows a duplicate group name at the Group Name field', async () => {
      await admin.reservations.create(OPS);
      const view = await mount();
      button(view, 'add-button').click();
      await view.updateComplete;
      const f = form(view);
      await f.updateComplete;
      typeInto(field(f, 'groupName'), 'ops');
      await addEntry(f, { deviceId: 'USER-8', idType: 'STRING', featureName: 'f2', featureVersion: '2.0', featureCount: '1' });
      button(f, 'submit-button').click();
      await vi.waitFor(() => expect(field(f, 'groupName').getAttribute('aria-invalid')).toBe('true'));
      expect(visibleText(f)).toContain('already exists');
    });

    it('Cancel closes the form', async () => {
      const view = await mount();
      button(view, 'add-button').click();
      await view.updateComplete;
      button(form(view), 'cancel-button').click();
      await view.updateComplete;
      expect(view.panel).toBe('none');
      expect(view.shadowRoot!.querySelector('ld-reservation-form')).toBeNull();
    });
  });

  describe('edit', () => {
    it('replaces a group in place (same id) and keeps everything when the server refuses', async () => {
      const [ops] = await admin.reservations.create(OPS);
      const view = await mount();
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(1));
      shadowQuery<HTMLButtonElement>(table(view), '[part~="edit-button"]').click();
      await view.updateComplete;
      const f = form(view);
      await f.updateComplete;
      expect(view.panel).toBe('edit');
      expect(field(f, 'groupName').value).toBe('ops');
      expect(f.pendingEntries.map((e) => e.featureName)).toEqual(['f1']);

      // Too many: refused, the group stays as it was, the form keeps the entries.
      await addEntry(f, { deviceId: 'USER-9', idType: 'STRING', featureName: 'f1', featureVersion: '1.0', featureCount: '5' });
      button(f, 'submit-button').click();
      await vi.waitFor(() => expect(f.shadowRoot!.querySelector('.entry-error')).not.toBeNull());
      expect(visibleText(f)).toMatch(/f1 1\.0 needs/);
      expect(f.pendingEntries).toHaveLength(2);
      const unchanged = await admin.reservations.get(ops!.id);
      expect(unchanged.reservations.flatMap((r) => r.reservationEntries.map((e) => e.featureCount))).toEqual([1]);

      // Fixed: the replace goes through and the group keeps its id.
      shadowQuery<HTMLButtonElement>(f, 'button[aria-label="Remove f1 1.0 for USER-9"]').click();
      await f.updateComplete;
      await addEntry(f, { deviceId: 'USER-9', idType: 'STRING', featureName: 'f2', featureVersion: '2.0', featureCount: '4' });
      const changed = nextEvent<LdReservationsChangedEvent>(view, 'ld-reservations-changed');
      button(f, 'submit-button').click();
      expect((await changed).detail).toEqual({ action: 'replaced', groups: ['ops'] });
      const replaced = await admin.reservations.get(ops!.id);
      expect(replaced.reservations.map((r) => r.hostId.value).sort()).toEqual(['AA11BB22CC33', 'USER-9']);
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(2));
    });
  });

  describe('export', () => {
    it('downloads all reservations as JSON that imports back unchanged', async () => {
      await admin.reservations.create([OPS, DEV]);
      const view = await mount();
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(3));
      const download = nextEvent<LdDownloadEvent>(view, 'ld-download');
      view.addEventListener('ld-download', (e) => e.preventDefault(), { once: true });
      button(view, 'export-button').click();
      const { detail } = await download;
      expect(detail.fileName).toBe('reservations.json');
      const exported = JSON.parse(await detail.blob.text());
      expect(exported).toEqual(await admin.reservations.export());

      await deleteAllGroups(admin);
      await admin.reservations.create(exported);
      expect(await admin.reservations.export()).toEqual(exported);
    });
  });

  describe('while a model with named pools is active', () => {
    it('explains why reservations cannot be managed and offers export and delete of the model', async () => {
      const model = 'model "pools" {\n  partitions {\n    partition "eng" { "f2" 2.0 5 }\n  }\n  on any() { use "eng", "default" accept }\n}\n';
      await admin.model.upload(model);
      try {
        const view = await mount();
        await vi.waitFor(() => expect(view.shadowRoot!.querySelector('[part~="model-notice"]')).not.toBeNull());
        const notice = shadowQuery(view, '[part~="model-notice"]');
        expect(visibleText(notice)).toContain('Reservations cannot be managed while the model definition "pools" is active');
        expect(visibleText(notice)).toContain('eng');
        expect(view.shadowRoot!.querySelector('[part~="add-button"], [part~="import-button"]')).toBeNull();

        const download = nextEvent<LdDownloadEvent>(view, 'ld-download');
        view.addEventListener('ld-download', (e) => e.preventDefault(), { once: true });
        [...notice.querySelectorAll('button')].find((b) => b.textContent!.includes('Export the model'))!.click();
        const { detail } = await download;
        expect(detail.fileName).toBe('pools.model');
        expect(await detail.blob.text()).toBe(model);

        const navigate = nextEvent<LdNavigateEvent>(view, 'ld-navigate');
        view.addEventListener('ld-navigate', (e) => e.preventDefault(), { once: true });
        notice.querySelector('a')!.click();
        expect((await navigate).detail).toEqual({ id: 'pools', href: '#pools' });
        await expectNoAxeViolations(view);
      } finally {
        await server.advance(60_000);
        await admin.model.delete();
      }
    });
  });

  describe('accessibility', () => {
    it('has no axe violations with rows, the add form and pending deletions', async () => {
      const [ops] = await admin.reservations.create([OPS, DEV]);
      const view = await mount();
      await vi.waitFor(() => expect(rowTexts(view)).toHaveLength(3));
      groupBoxes(view, ops!.id)[0]!.click();
      await view.updateComplete;
      button(view, 'delete-button').click();
      button(view, 'add-button').click();
      await view.updateComplete;
      const f = form(view);
      await f.updateComplete;
      typeInto(field(f, 'featureCount'), 'x');
      await f.updateComplete;
      await expectNoAxeViolations(view);
    });
  });
});
