import { html } from 'lit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLicenseServerClient } from '@licensedesk/sdk';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import { chooseFiles, deleteAllGroups, grantFeatures, startAdminServer, typeInto, visibleText, type AdminServer } from '../../../test/setup/admin-server.js';
import { licenseServer } from '../../../test/setup/client.js';
import type { LdDownloadEvent, LdModelChangeEvent, LdReservationsChangedEvent } from '../../events/admin.js';
import type { LdNavigateEvent } from '../../events/navigate.js';
import type { LicenseServerClient } from '../../internal/sdk.js';
import type { LdCodeView } from '../code-view/code-view.js';
import type { LdHostIdInput } from '../hostid-input/hostid-input.js';
import type { LdModelEditor } from './model-editor.js';

let server: AdminServer;
let admin: LicenseServerClient;

const GOOD = 'model "eng-model" {\n  partitions {\n    partition "eng" { "f1" 1.0 4 }\n  }\n  on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept }\n  on any() { use "default" accept }\n}\n';
const OTHER = 'model "other" {\n  partitions {\n    partition "p2" { "f1" 1.0 2 }\n  }\n  on any() { use "p2", "default" accept }\n}\n';
// C04: the same feature and version twice in one pool.
const DUPLICATE = 'model "m1" {\n  partitions {\n    partition "p1" {\n      "f1" 1.0 10\n      "f1" 1.0 5\n    }\n  }\n}\n';
// C05: a missing "}".
const MISSING_BRACE = 'model "m1" {\n  partitions {\n    partition "p1" {\n      "f1" 1.0 10\n  }\n  on any() { use "p1" accept }\n';

const LOCK_MS = 11_000;

beforeAll(async () => {
  server = await startAdminServer({ seed: 'none' });
  admin = await server.client();
  await grantFeatures(server, admin, 'ACT-MODEL', [{ featureName: 'f1', featureVersion: '1.0', count: 10 }]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

beforeEach(async () => {
  // Every test starts without a model and without reservations, and past any upload lock.
  await server.advance(LOCK_MS);
  await deleteAllGroups(admin);
  if ((await admin.model.status()).active) await admin.model.delete();
});

function modelFile(text: string, name = 'pools.model'): File {
  return new File([text], name, { type: 'text/plain' });
}

async function mount(client: LicenseServerClient = admin): Promise<LdModelEditor> {
  const el = await fixture<LdModelEditor>(html`<ld-model-editor .client=${client}></ld-model-editor>`);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="upload-button"]')).not.toBeNull());
  return el;
}

function uploadButton(el: LdModelEditor): HTMLButtonElement {
  return shadowQuery<HTMLButtonElement>(el, '[part~="upload-button"]');
}

function fileCode(el: LdModelEditor): LdCodeView {
  return shadowQuery<LdCodeView>(el, 'ld-code-view.file-code');
}

/** Chooses a file through the native file input, as a user does. */
async function choose(el: LdModelEditor, text: string, name = 'pools.model'): Promise<void> {
  const input = shadowQuery<HTMLInputElement>(el, '[part~="file-input"]');
  const seen = new Promise((resolve) => input.addEventListener('change', resolve, { once: true }));
  chooseFiles(input, [modelFile(text, name)]);
  await seen;
  await vi.waitFor(() => expect(el.chosenFileName).toBe(name));
  await el.updateComplete;
}

describe('<ld-model-editor>', () => {
  describe('properties', () => {
    it('says when no model is active', async () => {
      const el = await mount();
      expect(visibleText(el)).toContain('No model definition is active');
      expect(el.shadowRoot!.querySelector('ld-code-view.active-code')).toBeNull();
      expect(uploadButton(el).disabled).toBe(true);
    });

    it('shows the active definition with line numbers, its name and size', async () => {
      await admin.model.upload(GOOD);
      const el = await mount();
      const code = shadowQuery<LdCodeView>(el, 'ld-code-view.active-code');
      await code.updateComplete;
      const lines = [...code.shadowRoot!.querySelectorAll('.line')];
      expect(lines).toHaveLength(GOOD.split('\n').length);
      expect(lines[4]!.querySelector('.number')!.textContent).toBe('5');
      expect(lines[4]!.querySelector('.text')!.textContent).toBe('  on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept }');
      expect(visibleText(shadowQuery(el, '[part~="status"]'))).toMatch(/Active model eng-model/);
    });
  });

  describe('checks in the browser before upload', () => {
    it('C04: shows a duplicate feature at its line and column, and keeps Upload disabled', async () => {
      const el = await mount();
      await choose(el, DUPLICATE, 'dup.model');
      expect(el.problems).toEqual([expect.objectContaining({ line: 5, column: 7, message: expect.stringContaining('listed twice in pool "p1"') })]);
      expect(uploadButton(el).disabled).toBe(true);
      const code = fileCode(el);
      await code.updateComplete;
      const marked = code.shadowRoot!.querySelector('.line.error')!;
      expect(marked.getAttribute('data-line')).toBe('5');
      expect(marked.querySelector('mark')!.textContent).toBe('"f1" 1.0 5');
      expect(visibleText(code)).toContain('Error, line 5, column 7: feature f1 1.0 is listed twice in pool "p1"');
      expect(visibleText(el)).toContain('dup.model has a problem');
    });

    it('C05: shows a missing "}" at the right line; choosing the error moves to the line', async () => {
      const el = await mount();
      await choose(el, MISSING_BRACE);
      expect(el.problems.map((p) => [p.line, p.column])).toEqual([[6, 3]]);
      const code = fileCode(el);
      await code.updateComplete;
      shadowQuery<HTMLButtonElement>(code, '.marker-button').click();
      await vi.waitFor(() => expect(code.shadowRoot!.activeElement?.getAttribute('data-line')).toBe('6'));
      expect(uploadButton(el).disabled).toBe(true);
      await expectNoAxeViolations(el);
    });

    it('C05: accepts unquoted names, percentages and remainder, and rejects 101%', async () => {
      const el = await mount();
      await choose(el, 'model "m1" {\n  partitions {\n    partition "p1" { f1 1.0 2 "f2" 2 50% "f3" 1.0 remainder }\n  }\n}\n');
      expect(el.problems).toEqual([]);
      expect(uploadButton(el).disabled).toBe(false);
      await choose(el, 'model "m1" {\n  partitions {\n    partition "p1" { "f4" 1.0 101% }\n  }\n}\n', 'percent.model');
      expect(el.problems.map((p) => [p.line, p.column, p.message])).toEqual([[3, 31, 'percentage 101% is over 100%']]);
    });

    it('C06: refuses the reserved name "default" and files over 900 KB before sending them', async () => {
      const el = await mount();
      await choose(el, 'model "default" {\n  on any() { use "default" accept }\n}\n');
      expect(el.problems[0]!.message).toContain('reserved');
      const big = `model "big" {\n${'  // padding\n'.repeat(Math.ceil((901 * 1024) / 13))}  on any() { use "default" accept }\n}\n`;
      await choose(el, big, 'big.model');
      expect(el.problems.some((p) => p.message.includes('at most 900 KB'))).toBe(true);
      expect(uploadButton(el).disabled).toBe(true);
      expect((await admin.model.status()).active).toBe(false);
    });
  });

  describe('upload', () => {
    it('uploads a valid file, shows it, tells the host, then locks uploads with a retry note (C06)', async () => {
      const el = await mount();
      await choose(el, GOOD);
      expect(uploadButton(el).disabled).toBe(false);
      const changed = nextEvent<LdModelChangeEvent>(el, 'ld-model-change');
      uploadButton(el).click();
      expect((await changed).detail).toEqual({ action: 'uploaded', name: 'eng-model' });
      expect(await admin.model.get()).toBe(GOOD);
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('ld-code-view.active-code')).not.toBeNull());
      // Locked after an upload: another file can be chosen, but Upload stays disabled with a note.
      await choose(el, OTHER, 'other.model');
      expect(el.locked).toBe(true);
      expect(uploadButton(el).disabled).toBe(true);
      expect(visibleText(shadowQuery(el, '[part~="lock-notice"]'))).toMatch(/Uploads are locked after the last model upload until .* Upload is available again then/);
    });

    it('C06: a server-side lock disables Upload with the retry time, and the old model stays byte for byte', async () => {
      const el = await mount();
      await choose(el, OTHER);
      expect(uploadButton(el).disabled).toBe(false);
      // Someone else uploads meanwhile: the server is now locked.
      await admin.model.upload(GOOD);
      uploadButton(el).click();
      await vi.waitFor(() => expect(el.locked).toBe(true));
      await el.updateComplete;
      expect(uploadButton(el).disabled).toBe(true);
      expect(visibleText(el)).toMatch(/The server said: The server is locked after a model upload/);
      expect(shadowQuery(el, '[part~="lock-notice"]')).toBeTruthy();
      expect(await admin.model.get()).toBe(GOOD);
    });

    it('a model locked when the editor opens shows the lock at once', async () => {
      await admin.model.upload(GOOD);
      const el = await mount();
      await vi.waitFor(() => expect(el.locked).toBe(true));
      await choose(el, OTHER);
      expect(uploadButton(el).disabled).toBe(true);
    });

    it('shows the server\'s line and column errors in the file the same way', async () => {
      // A client whose server answers the upload like a stricter server version would.
      const strict = createLicenseServerClient({
        server: server.url,
        fetch: async (input, init) => {
          const request = new Request(input as RequestInfo, init);
          if (request.method === 'PUT' && new URL(request.url).pathname.endsWith('/model')) {
            const body = { key: 'glsErr.invalidModel', message: 'Invalid model definition: line 3, column 23: vendor string matches not allowed here.', arguments: [], details: [{ line: 3, column: 23, message: 'vendor string matches not allowed here' }] };
            return new Response(JSON.stringify(body), { status: 400, headers: { 'Content-Type': 'application/json' } });
          }
          return fetch(request);
        },
      });
      await strict.login(licenseServer().admin.user, licenseServer().admin.password);
      const el = await mount(strict);
      await choose(el, GOOD);
      uploadButton(el).click();
      await vi.waitFor(() => expect(el.problems).toHaveLength(1));
      await el.updateComplete;
      expect(el.problems[0]).toMatchObject({ line: 3, column: 23, message: 'vendor string matches not allowed here (reported by the server)' });
      const code = fileCode(el);
      await code.updateComplete;
      expect(code.shadowRoot!.querySelector('.line.error')!.getAttribute('data-line')).toBe('3');
      expect(uploadButton(el).disabled).toBe(true);
      expect((await admin.model.status()).active).toBe(false);
    });
  });

  describe('while reservations exist (C03)', () => {
    it('explains why a model cannot be uploaded and offers export, delete of the groups, then upload', async () => {
      await admin.reservations.create({
        name: 'support',
        reservations: [{ hostId: { value: 'SUPPORT-DESK-7', type: 'STRING' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] }],
      });
      const el = await mount();
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="reservations-notice"]')).not.toBeNull());
      const notice = shadowQuery(el, '[part~="reservations-notice"]');
      expect(visibleText(notice)).toContain('A model definition cannot be uploaded while reservation groups exist (1 now)');
      await choose(el, GOOD);
      expect(uploadButton(el).disabled).toBe(true);

      const download = nextEvent<LdDownloadEvent>(el, 'ld-download');
      el.addEventListener('ld-download', (e) => e.preventDefault(), { once: true });
      [...notice.querySelectorAll('button')].find((b) => b.textContent!.includes('Export reservations'))!.click();
      const exported = JSON.parse(await (await download).detail.blob.text());
      expect(exported).toEqual(await admin.reservations.export());

      const navigate = nextEvent<LdNavigateEvent>(el, 'ld-navigate');
      el.addEventListener('ld-navigate', (e) => e.preventDefault(), { once: true });
      notice.querySelector('a')!.click();
      expect((await navigate).detail).toEqual({ id: 'reservations', href: '#reservations' });

      [...notice.querySelectorAll('button')].find((b) => b.textContent!.includes('Delete the reservation groups'))!.click();
      await el.updateComplete;
      await expectNoAxeViolations(el);
      const deleted = nextEvent<LdReservationsChangedEvent>(el, 'ld-reservations-changed');
      shadowQuery<HTMLButtonElement>(el, '[part~="confirm"] .button.danger').click();
      expect((await deleted).detail).toEqual({ action: 'deleted', groups: ['support'] });
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="reservations-notice"]')).toBeNull());
      expect(uploadButton(el).disabled).toBe(false);
      const changed = nextEvent<LdModelChangeEvent>(el, 'ld-model-change');
      uploadButton(el).click();
      await changed;
      expect((await admin.model.status()).name).toBe('eng-model');
    });

    it('does not offer a read-only user to delete the groups, and says which role it needs', async () => {
      await admin.reservations.create({
        name: 'viewer-sees',
        reservations: [{ hostId: { value: 'VIEWER-1', type: 'STRING' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] }],
      });
      const reader = await server.client('reader');
      const el = await mount(reader);
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="reservations-notice"]')).not.toBeNull());
      const notice = shadowQuery(el, '[part~="reservations-notice"]');
      expect([...notice.querySelectorAll('button')].map((b) => b.textContent!.trim())).not.toContain('Delete the reservation groups…');
      expect(visibleText(notice)).toContain('needs the Reservations role');
      expect(visibleText(el)).not.toContain('may not change the model definition');
      await expectNoAxeViolations(el);
    });

    it('names the action that was refused', async () => {
      await admin.reservations.create({
        name: 'refused',
        reservations: [{ hostId: { value: 'REFUSED-1', type: 'STRING' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] }],
      });
      const reader = await server.client('reader');
      // A stale session that still claims the role: the server refuses, and the message names the deletion.
      Object.defineProperty(reader, 'session', { value: { ...reader.session!, roles: ['ROLE_READ', 'ROLE_RESERVATIONS'] } });
      const el = await mount(reader);
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="reservations-notice"]')).not.toBeNull());
      const notice = shadowQuery(el, '[part~="reservations-notice"]');
      [...notice.querySelectorAll('button')].find((b) => b.textContent!.includes('Delete the reservation groups'))!.click();
      await el.updateComplete;
      shadowQuery<HTMLButtonElement>(el, '[part~="confirm"] .button.danger').click();
      await vi.waitFor(() => expect(visibleText(el)).toContain('delete the reservation groups'));
      expect(visibleText(el)).not.toContain('change the model definition');
    });

    it('shows the same way out when reservations appear after the editor opened (server 409)', async () => {
      const el = await mount();
      await choose(el, GOOD);
      await admin.reservations.create({
        name: 'late',
        reservations: [{ hostId: { value: 'LATE-1', type: 'STRING' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }] }],
      });
      uploadButton(el).click();
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="reservations-notice"]')).not.toBeNull());
      expect(visibleText(el)).toContain('reservations and named license pools cannot coexist');
      expect((await admin.model.status()).active).toBe(false);
      expect((await admin.reservations.list().all()).map((g) => g.name)).toEqual(['late']);
    });
  });

  describe('delete', () => {
    it('deletes the active model after confirmation', async () => {
      await admin.model.upload(GOOD);
      const el = await mount();
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="delete-button"]')).not.toBeNull());
      shadowQuery<HTMLButtonElement>(el, '[part~="delete-button"]').click();
      await el.updateComplete;
      expect((await admin.model.status()).active).toBe(true);
      const changed = nextEvent<LdModelChangeEvent>(el, 'ld-model-change');
      shadowQuery<HTMLButtonElement>(el, '[part~="confirm"] .button.danger').click();
      expect((await changed).detail).toEqual({ action: 'deleted' });
      expect((await admin.model.status()).active).toBe(false);
      await vi.waitFor(() => expect(visibleText(el)).toContain('No model definition is active'));
    });
  });

  describe('which rule matches (C07)', () => {
    async function evaluate(el: LdModelEditor, value: string, type = 'ETHERNET'): Promise<string> {
      const form = shadowQuery<HTMLFormElement>(el, '[part~="evaluate-form"]');
      const hostId = form.querySelector<LdHostIdInput>('ld-hostid-input')!;
      typeInto(shadowQuery<HTMLSelectElement>(hostId, 'select'), type);
      typeInto(shadowQuery<HTMLInputElement>(hostId, 'input'), value);
      await el.updateComplete;
      form.requestSubmit();
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="evaluate-result"]')?.getAttribute('data-for')).toBe(`${value}/${type}`));
      return visibleText(shadowQuery(el, '[part~="evaluate-result"]'));
    }

    it('tells which rule and pools a host id gets, and points at the rule in the model', async () => {
      await admin.model.upload(GOOD);
      const el = await mount();
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('ld-code-view.active-code')).not.toBeNull());
      const exact = await evaluate(el, 'F01898AD8DD3');
      expect(exact).toMatch(/Accepted: served from pool eng\s*\./);
      expect(exact).toContain('Decided by rule 1 at line 5, column 3');
      // ETHERNET host ids match ignoring case and separators (decisions.md 7).
      expect(await evaluate(el, 'f0:18:98:ad:8d:d3')).toContain('Decided by rule 1 at line 5');
      const code = shadowQuery<LdCodeView>(el, 'ld-code-view.active-code');
      await code.updateComplete;
      expect(code.shadowRoot!.querySelector('.line.info')!.getAttribute('data-line')).toBe('5');
      [...shadowQuery(el, '[part~="evaluate-result"]').querySelectorAll('button')].find((b) => b.textContent!.includes('Show it'))!.click();
      await vi.waitFor(() => expect(code.shadowRoot!.activeElement?.getAttribute('data-line')).toBe('5'));
      const other = await evaluate(el, '5E00A4F17201');
      expect(other).toContain('Decided by rule 2 at line 6');
      expect(other).toMatch(/served from pool default/);
      await expectNoAxeViolations(el);
    });

    it('asks for a host id before checking', async () => {
      const el = await mount();
      const form = shadowQuery<HTMLFormElement>(el, '[part~="evaluate-form"]');
      form.requestSubmit();
      await el.updateComplete;
      expect(visibleText(form)).toContain('Enter the host id the device sends.');
      expect(el.shadowRoot!.activeElement).toBe(form.querySelector('ld-hostid-input'));
    });
  });
});
