import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from '@vitest/browser/context';
import { createLicenseServerClient } from '@licensedesk/sdk';
import { createTestClient, licenseServer } from '../../../test/setup/client.js';
import { expectNoAxeViolations, fixture, nextEvent } from '../../../test/setup/fixture.js';
import type { LdLoginEvent } from '../../events/auth.js';
import type { LdLoginForm } from './login-form.js';

/** A client whose requests to `authorize` are counted. */
function countingClient(server = licenseServer().url) {
  const calls: string[] = [];
  const client = createLicenseServerClient({
    server,
    fetch: (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      calls.push(url);
      return fetch(input, init);
    },
  });
  return { client, authorizeCalls: () => calls.filter((u) => u.endsWith('/authorize')).length };
}

function message(el: LdLoginForm): string {
  return el.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<ld-login-form>', () => {
  describe('properties', () => {
    it('puts its fields in light DOM with autocomplete for password managers (C31)', async () => {
      const { client } = countingClient();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      expect(el.shadowRoot).toBeNull();
      expect(document.querySelector('input[autocomplete="username"]')).not.toBeNull();
      const password = document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]');
      expect(password).not.toBeNull();
      expect(password!.type).toBe('password');
      expect([...el.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual(['Show password', 'Clear', 'Login']);
    });

    it('shows the password on request', async () => {
      const { client } = countingClient();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      const toggle = el.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
      toggle.click();
      await el.updateComplete;
      expect(el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!.type).toBe('text');
      expect(toggle.getAttribute('aria-pressed')).toBe('true');
    });

    it('requires both fields and focuses the first missing one without calling the server', async () => {
      const { client, authorizeCalls } = countingClient();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await el.updateComplete;
      const user = el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
      expect(user.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(user);
      expect(authorizeCalls()).toBe(0);
      await expectNoAxeViolations(el);
    });

    it('says "Credentials rejected" with the reset hint for a wrong password', async () => {
      const { client } = countingClient();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      await userEvent.type(el.querySelector('input[autocomplete="username"]')!, 'admin');
      await userEvent.type(el.querySelector('input[autocomplete="current-password"]')!, 'Wrong-Pass1!{Enter}');
      await vi.waitFor(() => expect(message(el)).toContain('Credentials rejected'));
      expect(message(el)).toContain('reset');
      expect(message(el)).not.toMatch(/unreachable|down/i);
      await expectNoAxeViolations(el);
    });

    it('asks to wait after too many attempts', async () => {
      const { client } = countingClient();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client} user="nobody-429"></ld-login-form>`);
      const password = el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
      for (let attempt = 0; attempt < 6; attempt += 1) {
        await userEvent.type(password, 'Wrong-Pass1!{Enter}');
        await vi.waitFor(() => expect(message(el)).not.toBe(''));
        if (message(el).includes('Too many attempts')) break;
      }
      expect(message(el)).toContain('Too many attempts');
      expect(message(el)).toMatch(/Wait \d+ seconds/);
    });

    it('says the server is unreachable with the address tried', async () => {
      const { client } = countingClient(licenseServer().unreachableUrl);
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client} user="admin"></ld-login-form>`);
      await userEvent.type(el.querySelector('input[autocomplete="current-password"]')!, 'Whatever-1!{Enter}');
      await vi.waitFor(() => expect(message(el)).toContain('License server unreachable'));
      expect(message(el)).toContain(licenseServer().unreachableUrl);
    });

    it('warns before a password goes over http to another machine (C19)', async () => {
      const client = createLicenseServerClient({ server: 'http://10.0.0.5:7070' });
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      expect(el.textContent).toContain('plain http to 10.0.0.5:7070');
    });

    it('clears the fields with Clear', async () => {
      const { client } = countingClient();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      await userEvent.type(el.querySelector('input[autocomplete="username"]')!, 'someone');
      [...el.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Clear')!.click();
      expect(el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!.value).toBe('');
    });
  });

  describe('events', () => {
    it('logs in once on Enter and emits ld-login with user and roles (C31)', async () => {
      const { client, authorizeCalls } = countingClient();
      const { admin } = licenseServer();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      const login = nextEvent<LdLoginEvent>(document, 'ld-login');
      await userEvent.type(document.querySelector('input[autocomplete="username"]')!, admin.user);
      await userEvent.type(document.querySelector('input[autocomplete="current-password"]')!, `${admin.password}{Enter}`);
      const event = await login;
      expect(event.detail.user).toBe(admin.user);
      expect(event.detail.roles).toContain('ROLE_ADMIN');
      expect(authorizeCalls()).toBe(1);
      expect(client.session?.user).toBe(admin.user);
      await el.updateComplete;
      expect(el.step).toBe('signed-in');
    });

    it('goes through the forced password change at first login (C22)', async () => {
      const { forcedChange } = licenseServer();
      const client = createLicenseServerClient({ server: forcedChange.url });
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      await userEvent.type(el.querySelector('input[autocomplete="username"]')!, forcedChange.user);
      await userEvent.type(el.querySelector('input[autocomplete="current-password"]')!, `${forcedChange.password}{Enter}`);
      await vi.waitFor(() => expect(el.step).toBe('change-password'));
      await el.updateComplete;
      const fields = el.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
      expect(fields).toHaveLength(2);
      expect(el.textContent).toContain('8 to 30 characters');
      await expectNoAxeViolations(el);

      await userEvent.type(fields[0]!, 'Changed-Pass1!');
      await userEvent.type(fields[1]!, 'Different-Pass1!{Enter}');
      await el.updateComplete;
      expect(fields[1]!.getAttribute('aria-invalid')).toBe('true');

      const login = nextEvent<LdLoginEvent>(el, 'ld-login');
      await userEvent.clear(fields[1]!);
      await userEvent.type(fields[1]!, 'Changed-Pass1!{Enter}');
      expect((await login).detail.user).toBe(forcedChange.user);
      expect(client.session?.passwordChangeRequired).toBe(false);
      await expect(client.users.list()).resolves.toBeInstanceOf(Array);
    });

    it('shows the signed-in state for a client already logged in and logs out', async () => {
      const client = await createTestClient();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      expect(el.step).toBe('signed-in');
      const logout = nextEvent(el, 'ld-logout');
      [...el.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Log out')!.click();
      await logout;
      expect(client.session).toBeNull();
      await el.updateComplete;
      expect(el.querySelector('input[autocomplete="current-password"]')).not.toBeNull();
    });
  });

  describe('accessibility', () => {
    it('has no axe violations', async () => {
      const { client } = countingClient();
      const el = await fixture<LdLoginForm>(html`<ld-login-form .client=${client}></ld-login-form>`);
      await expectNoAxeViolations(el);
    });
  });
});
