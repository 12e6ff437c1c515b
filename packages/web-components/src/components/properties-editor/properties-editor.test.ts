import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands, userEvent } from '@vitest/browser/context';
import { createLicenseServerClient } from '@licensedesk/sdk';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import type { LdPropertiesSaveEvent } from '../../events/properties.js';
import type { LdPropertiesEditor } from './properties-editor.js';

/** An admin client whose PATCH bodies are recorded. */
async function recordingClient() {
  const { url, admin } = licenseServer();
  const patches: unknown[] = [];
  const client = createLicenseServerClient({
    server: url,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method === 'PATCH') patches.push(await request.clone().json());
      return fetch(request);
    },
  });
  await client.login(admin.user, admin.password);
  return { client, patches };
}

async function loaded(template: ReturnType<typeof html>): Promise<LdPropertiesEditor> {
  const el = await fixture<LdPropertiesEditor>(template);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="group"]')).not.toBeNull(), { timeout: 5000 });
  await el.updateComplete;
  return el;
}

function group(el: LdPropertiesEditor, name: string): HTMLElement {
  return shadowQuery(el, `section[data-group="${name}"]`);
}

async function openGroup(el: LdPropertiesEditor, name: string): Promise<HTMLElement> {
  const section = group(el, name);
  const toggle = section.querySelector<HTMLButtonElement>('[part~="group-toggle"]')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  await el.updateComplete;
  return section;
}

function input(el: LdPropertiesEditor, name: string): HTMLInputElement {
  return shadowQuery<HTMLInputElement>(el, `input[data-setting="${name}"], select[data-setting="${name}"]`);
}

async function setText(el: LdPropertiesEditor, name: string, value: string) {
  const field = input(el, name);
  await userEvent.clear(field);
  await userEvent.type(field, value);
  await el.updateComplete;
}

function save(el: LdPropertiesEditor) {
  shadowQuery<HTMLButtonElement>(el, '[part~="save-button"]').click();
}

afterEach(async () => {
  await commands.resetNetworkInterfaces(licenseServer().hostIds.map((nic) => ({ ...nic })));
});

describe('<ld-properties-editor>', () => {
  describe('properties', () => {
    it('shows the server settings in the groups, General first and open', async () => {
      const client = await createTestClient();
      const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
      const groups = [...el.shadowRoot!.querySelectorAll<HTMLElement>('section[data-group]')].map((s) => s.dataset.group);
      expect(groups).toEqual([
        'General',
        'Secure REST API settings',
        'Server sync settings',
        'License generation',
        'Server-to-server sync',
        'Capability polling',
        'Locally deployed license server settings',
        'Logging',
      ]);
      const general = group(el, 'General');
      expect(general.querySelector('[part~="group-toggle"]')!.getAttribute('aria-expanded')).toBe('true');
      expect(general.querySelector('[part~="facts"]')!.textContent).toMatch(/Server version\s+\S+/);
      expect(group(el, 'Logging').querySelector<HTMLElement>('[part~="group-body"]')!.hidden).toBe(true);
      await expectNoAxeViolations(el);
    });

    it('shows producer-only settings read-only with a note', async () => {
      const client = await createTestClient();
      const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
      const section = await openGroup(el, 'License generation');
      const row = section.querySelector<HTMLElement>('[data-setting="licensing.responseLifetime"]')!;
      expect(row.querySelector('input, select')).toBeNull();
      expect(row.textContent).toContain('only the software producer');
      expect(section.querySelector('input[data-setting="licensing.borrowIntervalMax"]')).not.toBeNull();
    });

    it('shows no edit controls to a read-only user (C22)', async () => {
      const reader = await createTestClient({ as: 'reader' });
      const el = await loaded(html`<ld-properties-editor .client=${reader}></ld-properties-editor>`);
      for (const name of ['Logging', 'Secure REST API settings']) await openGroup(el, name);
      expect(el.shadowRoot!.querySelector('input[data-setting], select[data-setting], input[type="radio"]')).toBeNull();
      expect(el.shadowRoot!.querySelector('[part~="save-button"]')).toBeNull();
      await expectNoAxeViolations(el);
    });

    it('asks for a login when the server wants credentials', async () => {
      const anonymous = await createTestClient({ as: null });
      const el = await fixture<LdPropertiesEditor>(html`<ld-properties-editor .client=${anonymous}></ld-properties-editor>`);
      const login = nextEvent(document, 'ld-login-required');
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('ld-status')?.shadowRoot?.textContent).toContain('Login required'));
      await login;
    });

    it('checks durations and whole numbers as typed and focuses the first invalid field', async () => {
      const { client, patches } = await recordingClient();
      const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
      await openGroup(el, 'License generation');
      await setText(el, 'licensing.borrowIntervalMax', '3 days');
      await openGroup(el, 'Logging');
      await setText(el, 'logging.maxHistory', 'seven');
      // Close the section holding the first invalid field: Save opens it again to focus the field.
      group(el, 'License generation').querySelector<HTMLButtonElement>('[part~="group-toggle"]')!.click();
      save(el);
      await vi.waitFor(() => expect(el.shadowRoot!.activeElement).toBe(input(el, 'licensing.borrowIntervalMax')));
      expect(input(el, 'licensing.borrowIntervalMax').getAttribute('aria-invalid')).toBe('true');
      expect(input(el, 'logging.maxHistory').getAttribute('aria-invalid')).toBe('true');
      expect(patches).toEqual([]);
    });

    it('maps server validation errors to their fields', async () => {
      const { client } = await recordingClient();
      const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
      await openGroup(el, 'Logging');
      await setText(el, 'logging.maxHistory', '99999');
      save(el);
      await vi.waitFor(() => expect(input(el, 'logging.maxHistory').getAttribute('aria-invalid')).toBe('true'));
      const settings = await client.settings.list();
      expect(settings.find((s) => s.name === 'logging.maxHistory')!.value).not.toBe(99999);
    });

    it('discards changes on Cancel', async () => {
      const { client, patches } = await recordingClient();
      const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
      await openGroup(el, 'Logging');
      const before = input(el, 'logging.maxFileSize').value;
      await setText(el, 'logging.maxFileSize', '77');
      shadowQuery<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
      await el.updateComplete;
      expect(input(el, 'logging.maxFileSize').value).toBe(before);
      expect(patches).toEqual([]);
    });

    it('lists the host ids with their kinds and flags a missing host id source (C17)', async () => {
      const client = await createTestClient();
      const selected = (await client.hostids.get()).selected!;
      const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
      const table = shadowQuery(el, '[part~="hostids"]');
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' '));
      expect(rows.join('\n')).toMatch(/F01898AD8DD3 ETHERNET eth0 physical/);
      expect(rows.join('\n')).toMatch(/5E00A4F17201 ETHERNET wlan0 removable/);
      expect(rows.join('\n')).toMatch(/0242AC110002 ETHERNET docker0 virtual/);

      const nic = licenseServer().hostIds.find((n) => n.mac.replace(/:/g, '').toUpperCase() === selected.value);
      expect(nic, 'the selected host id is one of the test interfaces').toBeDefined();
      await commands.removeNetworkInterface(nic!.name);
      el.refresh();
      await vi.waitFor(() => expect(el.shadowRoot!.textContent).toContain('selected, source missing'));
      const warning = [...el.shadowRoot!.querySelectorAll('ld-status')].map((s) => s.shadowRoot!.textContent).join(' ');
      expect(warning).toContain('Host id source missing');
      expect((await client.hostids.get()).selected).toEqual(selected);
    });
  });

  describe('events', () => {
    it('saves only the changed settings and emits ld-properties-save', async () => {
      const { client, patches } = await recordingClient();
      const original = (await client.settings.list()).find((s) => s.name === 'logging.maxHistory')!.value;
      try {
        const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
        await openGroup(el, 'Logging');
        const next = original === 8 ? '9' : '8';
        await setText(el, 'logging.maxHistory', next);
        const saved = nextEvent<LdPropertiesSaveEvent>(document, 'ld-properties-save');
        save(el);
        expect((await saved).detail.changes).toEqual({ 'logging.maxHistory': Number(next) });
        expect(patches).toEqual([{ 'logging.maxHistory': Number(next) }]);
        const after = (await client.settings.list()).find((s) => s.name === 'logging.maxHistory')!;
        expect(after.value).toBe(Number(next));
        await el.updateComplete;
        expect(input(el, 'logging.maxHistory').value).toBe(next);
      } finally {
        await client.settings.update({ 'logging.maxHistory': original });
      }
    });

    it('needs the new host id typed again before changing it, with the return warning (C17)', async () => {
      const { client, patches } = await recordingClient();
      const setting = (await client.settings.list()).find((s) => s.type === 'hostid')!;
      const original = setting.value;
      try {
        const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
        const radio = shadowQuery<HTMLInputElement>(el, 'input[type="radio"][aria-label^="Select 5E00A4F17201"]');
        radio.click();
        await el.updateComplete;
        expect(el.shadowRoot!.textContent).toContain('Type the new host id (5E00A4F17201) to confirm');
        const notices = [...el.shadowRoot!.querySelectorAll('ld-status')].map((s) => s.shadowRoot!.textContent).join(' ');
        expect(notices).toContain('trusted-storage reset');
        save(el);
        await el.updateComplete;
        const confirm = shadowQuery<HTMLInputElement>(el, `input[data-setting="${setting.name}"]`);
        await vi.waitFor(() => expect(confirm.getAttribute('aria-invalid')).toBe('true'));
        expect(patches).toEqual([]);
        await userEvent.type(confirm, '5E00A4F17201');
        const saved = nextEvent<LdPropertiesSaveEvent>(el, 'ld-properties-save');
        save(el);
        expect((await saved).detail.changes).toEqual({ [setting.name]: '5E00A4F17201/ETHERNET' });
        expect((await client.hostids.get()).selected).toEqual({ value: '5E00A4F17201', type: 'ETHERNET' });
      } finally {
        await client.settings.update({ [setting.name]: original });
      }
    });
  });

  describe('accessibility', () => {
    it('has no axe violations with every section open', async () => {
      const client = await createTestClient();
      const el = await loaded(html`<ld-properties-editor .client=${client}></ld-properties-editor>`);
      for (const section of el.shadowRoot!.querySelectorAll<HTMLElement>('section[data-group]')) {
        await openGroup(el, section.dataset.group!);
      }
      await expectNoAxeViolations(el);
    });
  });
});
