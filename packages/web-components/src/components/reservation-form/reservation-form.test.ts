import { html } from 'lit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from '@vitest/browser/context';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import { deleteAllGroups, grantFeatures, startAdminServer, typeInto, visibleText, type AdminServer } from '../../../test/setup/admin-server.js';
import type { LdCancelEvent, LdReservationsChangedEvent } from '../../events/admin.js';
import type { LicenseServerClient } from '../../internal/sdk.js';
import type { LdProvider } from '../provider/provider.js';
import type { LdReservationForm } from './reservation-form.js';

let server: AdminServer;
let admin: LicenseServerClient;

beforeAll(async () => {
  server = await startAdminServer({ seed: 'none' });
  admin = await server.client();
  await grantFeatures(server, admin, 'ACT-FORM', [{ featureName: 'f1', featureVersion: '1.0', count: 5 }]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

/** The form inside a provider, as in the manager: the client comes from context. */
async function mountInProvider(): Promise<LdReservationForm> {
  const provider = await fixture<LdProvider>(html`<ld-provider .client=${admin}><ld-reservation-form></ld-reservation-form></ld-provider>`);
  const form = provider.querySelector<LdReservationForm>('ld-reservation-form')!;
  await form.updateComplete;
  return form;
}

function input(form: LdReservationForm, name: string): HTMLInputElement {
  return shadowQuery<HTMLInputElement>(form, `[name="${name}"]`);
}

describe('<ld-reservation-form>', () => {
  describe('properties', () => {
    it('offers the host id types given, ETHERNET, STRING, USER and VM_UUID by default', async () => {
      const form = await mountInProvider();
      const options = () => [...form.shadowRoot!.querySelectorAll('select[name="idType"] option')].map((o) => o.textContent);
      expect(options()).toEqual(['ETHERNET', 'STRING', 'USER', 'VM_UUID']);
      form.hostIdTypes = ['FLEXID9', 'STRING'];
      await form.updateComplete;
      expect(options()).toEqual(['FLEXID9', 'STRING']);
      expect(input(form, 'idType').value).toBe('FLEXID9');
    });

    it('starts from a group given to edit', async () => {
      await deleteAllGroups(admin);
      const [group] = await admin.reservations.create({
        name: 'edit-me',
        reservations: [{ hostId: { value: 'user-1', type: 'USER' }, reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 2 }] }],
      });
      const form = await fixture<LdReservationForm>(html`<ld-reservation-form .client=${admin} .group=${group}></ld-reservation-form>`);
      expect(input(form, 'groupName').value).toBe('edit-me');
      expect(visibleText(shadowQuery(form, '[part~="title"]'))).toBe('Edit reservation group edit-me');
      expect(form.pendingEntries.map((e) => [e.deviceId, e.idType, e.featureName, e.featureVersion, e.featureCount])).toEqual([['user-1', 'USER', 'f1', '1.0', 2]]);
    });
  });

  describe('events', () => {
    it('adds an entry with Enter, submits with the client from the provider and fires ld-reservations-changed', async () => {
      await deleteAllGroups(admin);
      const form = await mountInProvider();
      typeInto(input(form, 'groupName'), 'keyboard');
      typeInto(input(form, 'idType'), 'STRING');
      typeInto(input(form, 'deviceId'), 'KB-1');
      typeInto(input(form, 'featureName'), 'f1');
      typeInto(input(form, 'featureVersion'), '1.0');
      await userEvent.click(input(form, 'featureCount'));
      await userEvent.keyboard('2{Enter}');
      await vi.waitFor(() => expect(form.pendingEntries).toHaveLength(1));
      // Focus goes back to Feature Name for the next entry of the same device.
      expect(form.shadowRoot!.activeElement).toBe(input(form, 'featureName'));
      expect(input(form, 'deviceId').value).toBe('KB-1');
      const changed = nextEvent<LdReservationsChangedEvent>(form, 'ld-reservations-changed');
      shadowQuery<HTMLButtonElement>(form, '[part~="submit-button"]').click();
      expect((await changed).detail).toEqual({ action: 'created', groups: ['keyboard'] });
      expect((await admin.reservations.list({ name: 'keyboard' }).all())[0]!.reservations[0]!.hostId).toEqual({ value: 'KB-1', type: 'STRING' });
      await form.updateComplete;
      expect(form.pendingEntries).toHaveLength(0);
      expect(visibleText(form)).toContain('Reservation group keyboard was created.');
    });

    it('asks for entries before Submit and fires ld-cancel on Cancel', async () => {
      const form = await mountInProvider();
      typeInto(input(form, 'groupName'), 'empty');
      shadowQuery<HTMLButtonElement>(form, '[part~="submit-button"]').click();
      await form.updateComplete;
      expect(visibleText(form)).toContain('Add at least one entry before submitting.');
      const cancelled = nextEvent<LdCancelEvent>(form, 'ld-cancel');
      shadowQuery<HTMLButtonElement>(form, '[part~="cancel-button"]').click();
      expect((await cancelled).detail).toEqual({ what: 'reservation-form' });
    });
  });

  describe('accessibility', () => {
    it('labels every field and ties errors to them', async () => {
      const form = await mountInProvider();
      typeInto(input(form, 'featureVersion'), 'abc');
      await form.updateComplete;
      const version = input(form, 'featureVersion');
      const errorId = version.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
      expect(form.shadowRoot!.getElementById(errorId)!.textContent).toContain('A version is digits');
      await expectNoAxeViolations(form);
    });
  });
});
