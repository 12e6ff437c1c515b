import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { createLicenseServerClient } from '@licensedesk/sdk';
import { fixture, shadowQuery } from '../../test/setup/fixture.js';
import type { LdAboutPanel } from '../components/about-panel/about-panel.js';
import type { LdStatus } from '../components/status/status.js';
import { describeError } from './errors.js';

const MANAGER = 'http://manager.example.test:8080';
const LICENSE_SERVER = 'https://licenses.example.com:7071';

/** What the manager's relay answers when the license server behind it fails (apps/manager README). */
const RELAY_ANSWERS = {
  'ldErr.serverUnreachable': {
    status: 502,
    message: `License server at ${LICENSE_SERVER} is unreachable: connection refused (ECONNREFUSED)`,
  },
  'ldErr.serverTimeout': { status: 504, message: `License server at ${LICENSE_SERVER} did not answer: no answer for 120 s.` },
  'ldErr.serverTlsError': {
    status: 502,
    message: `TLS connection to the license server at ${LICENSE_SERVER} failed: the server certificate has expired (CERT_HAS_EXPIRED).`,
  },
  'ldErr.notLicenseServer': {
    status: 502,
    message: `The server at ${LICENSE_SERVER} is not a FlexNet Embedded license server: the port answered, but not with HTTP (HPE_INVALID_CONSTANT).`,
  },
} as const;
type RelayKey = keyof typeof RELAY_ANSWERS;

/** An SDK client for the manager's relay whose every request gets the relay's error answer. */
function relayClient(key: RelayKey) {
  const { status, message } = RELAY_ANSWERS[key];
  return createLicenseServerClient({
    server: MANAGER,
    fetch: async () =>
      new Response(JSON.stringify({ key, message, arguments: [LICENSE_SERVER] }), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  });
}

async function relayError(key: RelayKey): Promise<unknown> {
  try {
    await relayClient(key).health.get();
  } catch (error) {
    return error;
  }
  throw new Error('expected the relay call to fail');
}

function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('describeError', () => {
  describe("the manager relay's errors", () => {
    it.each(Object.keys(RELAY_ANSWERS) as RelayKey[])('%s reads as "License server unreachable" at the license server address', async (key) => {
      const view = describeError(await relayError(key), 'read the server status');
      expect(view).toMatchObject({
        kind: 'unreachable',
        title: 'License server unreachable',
        url: LICENSE_SERVER,
        key,
        status: RELAY_ANSWERS[key].status,
      });
      expect(view.message).toContain(LICENSE_SERVER);
      expect(view.message).not.toContain(MANAGER);
    });

    it('names the specific cause of a TLS failure and of a server that is not a license server', async () => {
      expect(describeError(await relayError('ldErr.serverTlsError')).message).toContain('the server certificate has expired');
      expect(describeError(await relayError('ldErr.notLicenseServer')).message).toContain('is not a FlexNet Embedded license server');
    });

    it('tells a timeout from a refused connection', async () => {
      expect(describeError(await relayError('ldErr.serverTimeout')).message).toMatch(/did not answer in time/);
      expect(describeError(await relayError('ldErr.serverUnreachable')).message).toMatch(/^No answer from the license server at /);
    });

    it('says "License server unreachable" without an address when the relay names none', () => {
      const view = describeError({ name: 'ServerError', status: 502, key: 'ldErr.serverUnreachable', message: 'x', arguments: [] });
      expect(view.kind).toBe('unreachable');
      expect(view.url).toBeUndefined();
      expect(view.message).toMatch(/^No answer from the license server\. /);
    });
  });

  describe('in the elements', () => {
    it('<ld-status> shows the unreachable state with the license server address and offers Try again', async () => {
      const el = await fixture<LdStatus>(html`<ld-status .error=${await relayError('ldErr.serverTlsError')} retryable></ld-status>`);
      expect(shadowQuery(el, '[role="alert"]').dataset.kind).toBe('unreachable');
      expect(text(el)).toContain('License server unreachable');
      expect(text(el)).toContain(LICENSE_SERVER);
      expect(text(el)).toContain('the server certificate has expired');
      expect(shadowQuery(el, '[part~="retry-button"]')).toBeTruthy();
    });

    it('<ld-about-panel> on the relay client shows the license server as unreachable', async () => {
      const el = await fixture<LdAboutPanel>(
        html`<ld-about-panel .client=${relayClient('ldErr.serverUnreachable')} server-address=${LICENSE_SERVER}></ld-about-panel>`,
      );
      await vi.waitFor(() => expect(text(el.shadowRoot!.querySelector('ld-status')!)).toContain('License server unreachable'));
      const status = text(el.shadowRoot!.querySelector('ld-status')!);
      expect(status).toContain(LICENSE_SERVER);
      expect(status).not.toContain(MANAGER);
    });
  });
});
