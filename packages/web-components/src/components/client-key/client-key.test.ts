import { html } from 'lit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import { chooseFiles, startAdminServer, visibleText, type AdminServer } from '../../../test/setup/admin-server.js';
import type { LdClientKeyChangeEvent } from '../../events/admin.js';
import type { LicenseServerClient } from '../../internal/sdk.js';
import type { LdClientKey } from './client-key.js';

let server: AdminServer;
let admin: LicenseServerClient;

async function rsaDer(bits: number): Promise<Uint8Array> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  return new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
}

async function ecDer(): Promise<Uint8Array> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  return new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
}

function pem(der: Uint8Array): string {
  const b64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN PUBLIC KEY-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
}

async function fingerprint(der: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

let rsa2048: Uint8Array;

beforeAll(async () => {
  server = await startAdminServer({ seed: 'none' });
  admin = await server.client();
  rsa2048 = await rsaDer(2048);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

beforeEach(async () => {
  if (await admin.keys.get()) await admin.keys.delete();
});

async function mount(client: LicenseServerClient = admin): Promise<LdClientKey> {
  const el = await fixture<LdClientKey>(html`<ld-client-key .client=${client}></ld-client-key>`);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('ld-status[loading]')).toBeNull());
  await el.updateComplete;
  return el;
}

describe('<ld-client-key>', () => {
  describe('properties', () => {
    it('says when the server holds no key', async () => {
      const el = await mount();
      expect(visibleText(el)).toContain('The server holds no client public key.');
      expect(el.currentKey).toBeNull();
    });

    it('uploads a DER RSA 2048 key and shows its SHA-256 fingerprint', async () => {
      const el = await mount();
      chooseFiles(shadowQuery<HTMLInputElement>(el, '[part~="file-input"]'), [new File([rsa2048 as BlobPart], 'client.der')]);
      await vi.waitFor(() => expect(shadowQuery<HTMLButtonElement>(el, '[part~="upload-button"]').disabled).toBe(false));
      const changed = nextEvent<LdClientKeyChangeEvent>(el, 'ld-client-key-change');
      shadowQuery<HTMLButtonElement>(el, '[part~="upload-button"]').click();
      const expected = await fingerprint(rsa2048);
      expect((await changed).detail).toEqual({ fingerprint: expected });
      await vi.waitFor(() => expect(el.currentKey?.fingerprint).toBe(expected));
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="fingerprint"]').textContent).toBe(expected);
      expect(visibleText(shadowQuery(el, '[part~="current"]'))).toContain('RSA 2048-bit, 294 bytes DER');
      // The bytes went up unchanged.
      expect((await admin.keys.get())!.publicKey).toBe(btoa(String.fromCharCode(...rsa2048)));
      await expectNoAxeViolations(el);
    });
  });

  describe('wrong files', () => {
    it('catches PEM text in the browser and says how to convert it, sending nothing', async () => {
      const el = await mount();
      chooseFiles(shadowQuery<HTMLInputElement>(el, '[part~="file-input"]'), [new File([pem(rsa2048)], 'client.pem')]);
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="file-error"]')).not.toBeNull());
      expect(visibleText(shadowQuery(el, '[part~="file-error"]'))).toContain('client.pem is PEM text ("-----BEGIN PUBLIC KEY-----"), not DER');
      expect(visibleText(shadowQuery(el, '[part~="file-error"]'))).toContain('openssl pkey -pubin');
      expect(shadowQuery<HTMLButtonElement>(el, '[part~="upload-button"]').disabled).toBe(true);
      expect(shadowQuery(el, '[part~="file-input"]').getAttribute('aria-invalid')).toBe('true');
      expect(await el.upload(new File([pem(rsa2048)], 'client.pem'))).toBeNull();
      expect(await admin.keys.get()).toBeNull();
      await expectNoAxeViolations(el);
    });

    it('catches a file that is not DER at all in the browser', async () => {
      const el = await mount();
      expect(await el.upload(new File([new Uint8Array([0x01, 0x02, 0x03])], 'junk.bin'))).toBeNull();
      await el.updateComplete;
      expect(visibleText(el)).toContain('junk.bin is not a DER-encoded key');
    });

    it.each([
      ['a 1024-bit RSA key', () => rsaDer(1024), 'Found an RSA 1024-bit public key; the key must be RSA 2048-bit.'],
      ['an EC key', () => ecDer(), 'Found an EC public key'],
      ['DER-looking garbage', async () => new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]), 'not a DER public key'],
    ])('shows the server\'s reason for %s and keeps the current key', async (_label, make, reason) => {
      await admin.keys.upload(rsa2048);
      const el = await mount();
      await vi.waitFor(() => expect(el.currentKey).toBeTruthy());
      const before = el.currentKey!.fingerprint;
      expect(await el.upload(new File([(await make()) as BlobPart], 'wrong.der'))).toBeNull();
      await el.updateComplete;
      const result = shadowQuery(el, '[part~="result"]');
      expect(visibleText(result)).toContain('The server refused the key; the current key is unchanged.');
      expect(visibleText(result)).toContain(reason);
      expect(el.shadowRoot!.activeElement?.classList.contains('upload-result')).toBe(true);
      expect(await fingerprint(Uint8Array.from(atob((await admin.keys.get())!.publicKey), (c) => c.charCodeAt(0)))).toBe(before);
    });
  });

  describe('delete', () => {
    it('deletes the key after confirmation', async () => {
      await admin.keys.upload(rsa2048);
      const el = await mount();
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part~="delete-button"]')).not.toBeNull());
      shadowQuery<HTMLButtonElement>(el, '[part~="delete-button"]').click();
      await el.updateComplete;
      expect(await admin.keys.get()).not.toBeNull();
      const changed = nextEvent<LdClientKeyChangeEvent>(el, 'ld-client-key-change');
      shadowQuery<HTMLButtonElement>(el, '[part~="confirm"] .button.danger').click();
      expect((await changed).detail).toEqual({ fingerprint: null });
      expect(await admin.keys.get()).toBeNull();
      await vi.waitFor(() => expect(visibleText(el)).toContain('The server holds no client public key.'));
    });
  });

  describe('access', () => {
    it('shows access denied without administrator credentials', async () => {
      const reader = await server.client('reader');
      const el = await fixture<LdClientKey>(html`<ld-client-key .client=${reader}></ld-client-key>`);
      await vi.waitFor(() => expect(visibleText(el)).toContain('Access denied'));
      expect(visibleText(el)).toContain('manage the client key');
      await expectNoAxeViolations(el);
    });

    it('asks for a login without credentials', async () => {
      const anonymous = await server.client(null);
      // Listened for before the element exists: the 401 may come back before fixture() resolves.
      const received: CustomEvent[] = [];
      const listener = (event: Event) => received.push(event as CustomEvent);
      document.addEventListener('ld-login-required', listener);
      try {
        const el = await fixture<LdClientKey>(html`<ld-client-key .client=${anonymous}></ld-client-key>`);
        await vi.waitFor(() => expect(visibleText(el)).toContain('Login required'));
        await vi.waitFor(() => expect(received).not.toHaveLength(0));
        expect(received[0]!.detail).toMatchObject({ reason: 'unauthorized' });
      } finally {
        document.removeEventListener('ld-login-required', listener);
      }
    });
  });
});
