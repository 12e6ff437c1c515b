import { html } from 'lit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations, fixture, nextEvent, shadowQuery } from '../../../test/setup/fixture.js';
import { chooseFiles, sha256Hex, startAdminServer, typeInto, visibleText, type AdminServer } from '../../../test/setup/admin-server.js';
import type { LdDownloadEvent, LdOfflineResponseUploadEvent } from '../../events/admin.js';
import type { LicenseServerClient } from '../../internal/sdk.js';
import type { LdOfflineUpdates } from './offline-updates.js';

let server: AdminServer;
let admin: LicenseServerClient;

const ENTITLEMENTS = {
  'ACT-0001': { count: 1, features: [{ featureName: 'f9', featureVersion: '1.0', count: 3 }] },
  'ACT-0002': { count: 1, features: [{ featureName: 'g1', featureVersion: '2.0', count: 1 }] },
};

/** What went over the wire: the bodies of binary answers and the requests' content types. */
interface Wire {
  responses: Map<string, Uint8Array>;
  contentTypes: Map<string, string>;
}

/** A client whose fetch keeps a copy of what the server sent back, to compare downloads with. */
async function recordingClient(): Promise<{ client: LicenseServerClient; wire: Wire }> {
  const wire: Wire = { responses: new Map(), contentTypes: new Map() };
  const client = await server.client('admin', {
    fetch: async (input, init) => {
      const request = new Request(input as RequestInfo, init);
      const path = new URL(request.url).pathname.split('/').pop()!;
      wire.contentTypes.set(path, request.headers.get('content-type') ?? '');
      const response = await fetch(request);
      if (response.headers.get('content-type')?.startsWith('application/octet-stream')) {
        wire.responses.set(path, new Uint8Array(await response.clone().arrayBuffer()));
      }
      return response;
    },
  });
  return { client, wire };
}

beforeAll(async () => {
  server = await startAdminServer({ seed: 'none' });
  admin = await server.client();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function mount(client: LicenseServerClient, multipart = false): Promise<LdOfflineUpdates> {
  return fixture<LdOfflineUpdates>(html`<ld-offline-updates .client=${client} ?multipart=${multipart}></ld-offline-updates>`);
}

/** Catches the next download and keeps the browser from saving it. */
function catchDownload(el: HTMLElement): Promise<LdDownloadEvent['detail']> {
  const caught = nextEvent<LdDownloadEvent>(el, 'ld-download').then((e) => e.detail);
  el.addEventListener('ld-download', (e) => e.preventDefault(), { once: true });
  return caught;
}

function countInput(el: LdOfflineUpdates): HTMLInputElement {
  return shadowQuery<HTMLInputElement>(el, '[part~="count-input"]');
}

async function generate(el: LdOfflineUpdates, activationId: string, count: string): Promise<void> {
  typeInto(shadowQuery<HTMLInputElement>(el, '[part~="activation-id-input"]'), activationId);
  typeInto(countInput(el), count);
  await el.updateComplete;
  shadowQuery<HTMLButtonElement>(el, '[part~="generate-button"]').click();
}

async function uploadThroughForm(el: LdOfflineUpdates, bytes: Uint8Array, name = 'response.bin'): Promise<void> {
  chooseFiles(shadowQuery<HTMLInputElement>(el, '[part~="file-input"]'), [new File([bytes as BlobPart], name, { type: 'application/octet-stream' })]);
  await el.updateComplete;
  shadowQuery<HTMLButtonElement>(el, '[part~="upload-button"]').click();
  await vi.waitFor(() => expect(['done', 'failed']).toContain(el.responseUploadState));
  await el.updateComplete;
}

describe('<ld-offline-updates>', () => {
  describe('capability request', () => {
    it('C23: downloads the request as a .bin file with exactly the bytes the server sent', async () => {
      const { client, wire } = await recordingClient();
      const el = await mount(client);
      const download = catchDownload(el);
      shadowQuery<HTMLButtonElement>(el, '[part~="capability-button"]').click();
      const { fileName, blob } = await download;
      expect(fileName).toBe('capability-request.bin');
      expect(blob.type).toBe('application/octet-stream');
      const sent = wire.responses.get('capability_request')!;
      expect(sent.length).toBeGreaterThan(0);
      expect(blob.size).toBe(sent.length);
      expect(await sha256Hex(blob)).toBe(await sha256Hex(sent));
      // The back office accepts it: the signature survived the trip.
      const response = await server.respond(new Uint8Array(await blob.arrayBuffer()), ENTITLEMENTS);
      expect(response.length).toBeGreaterThan(0);
    });

    it('disables the requests and the upload for a user without ROLE_OFFLINE or ROLE_ADMIN, and says why', async () => {
      const reader = await server.client('reader');
      const el = await mount(reader);
      for (const part of ['capability-button', 'generate-button', 'upload-button']) {
        const button = shadowQuery<HTMLButtonElement>(el, `[part~="${part}"]`);
        expect(button.disabled, part).toBe(true);
        expect(button.getAttribute('aria-describedby'), part).toBeTruthy();
      }
      expect(visibleText(shadowQuery(el, '[part~="role-note"]'))).toContain('need the Offline or Admin role');
      await expectNoAxeViolations(el);
      // An administrator gets them enabled and no note.
      const forAdmin = await mount(admin);
      expect(shadowQuery<HTMLButtonElement>(forAdmin, '[part~="capability-button"]').disabled).toBe(false);
      expect(forAdmin.shadowRoot!.querySelector('[part~="role-note"]')).toBeNull();
    });
  });

  describe('activation request', () => {
    it('lines the Activation ID input up with the Count input beside it', async () => {
      const el = await fixture<LdOfflineUpdates>(html`<ld-offline-updates style="width: 48rem" .client=${admin}></ld-offline-updates>`);
      const id = shadowQuery<HTMLInputElement>(el, '[part~="activation-id-input"]').getBoundingClientRect();
      const count = countInput(el).getBoundingClientRect();
      expect(id.left).toBeLessThan(count.left); // side by side, not stacked
      expect(id.height).toBeCloseTo(count.height, 0);
      expect(id.top).toBeCloseTo(count.top, 0);
    });

    it('checks activation id and count as the user types; 0 is labelled "return all"', async () => {
      const el = await mount(admin);
      shadowQuery<HTMLButtonElement>(el, '[part~="generate-button"]').click();
      await el.updateComplete;
      const id = shadowQuery<HTMLInputElement>(el, '[part~="activation-id-input"]');
      expect(id.getAttribute('aria-invalid')).toBe('true');
      expect(el.shadowRoot!.activeElement).toBe(id);
      for (const bad of ['-1', '1.5', 'two']) {
        typeInto(countInput(el), bad);
        await el.updateComplete;
        expect(countInput(el).getAttribute('aria-invalid'), bad).toBe('true');
      }
      typeInto(countInput(el), '0');
      await el.updateComplete;
      expect(countInput(el).getAttribute('aria-invalid')).toBe('false');
      expect(visibleText(el)).toContain('0 = return all');
      await expectNoAxeViolations(el);
    });

    it('C23: generates ACT-0001 x2 as a .bin identical to the server\'s bytes; its response adds features; a lower count is refused at Count', async () => {
      const { client, wire } = await recordingClient();
      const el = await mount(client);
      const download = catchDownload(el);
      await generate(el, 'ACT-0001', '2');
      const { fileName, blob } = await download;
      expect(fileName).toBe('activation-request-ACT-0001.bin');
      expect(await sha256Hex(blob)).toBe(await sha256Hex(wire.responses.get('activation_request')!));

      // The back office answers; the response goes up through the file chooser.
      const response = await server.respond(new Uint8Array(await blob.arrayBuffer()), ENTITLEMENTS);
      const uploaded = nextEvent<LdOfflineResponseUploadEvent>(el, 'ld-offline-response-upload');
      await uploadThroughForm(el, response);
      const { detail } = await uploaded;
      expect(detail.fileName).toBe('response.bin');
      expect(detail.changes.added.map((c) => [c.featureName, c.featureVersion, c.featureCount])).toEqual([['f9', '1.0', 6]]);
      const result = shadowQuery(el, '[part~="result"]');
      expect(visibleText(result)).toContain('The server applied response.bin.');
      expect(visibleText(result)).toContain('1 added, 0 updated, 0 removed');
      expect(visibleText(shadowQuery(result, 'table[data-kind="added"]'))).toMatch(/f9\s*1\.0\s*6\s*Permanent/);
      // The uploaded bytes reached the server unchanged: the feature is there.
      expect((await admin.features.list({ featureName: 'f9' }).all()).map((f) => f.featureCount)).toEqual([6]);

      // The server holds 2 units now: asking for 1 would lower that; its answer lands on Count.
      await generate(el, 'ACT-0001', '1');
      await vi.waitFor(() => expect(countInput(el).getAttribute('aria-invalid')).toBe('true'));
      expect(visibleText(el)).toContain('This server holds 2 units of ACT-0001');
      expect(el.shadowRoot!.activeElement).toBe(countInput(el));

      // 0 returns everything.
      const returned = catchDownload(el);
      await generate(el, 'ACT-0001', '0');
      const back = await server.respond(new Uint8Array(await (await returned).blob.arrayBuffer()), ENTITLEMENTS);
      await uploadThroughForm(el, back, 'return.bin');
      expect(visibleText(shadowQuery(el, '[part~="result"]'))).toContain('0 added, 0 updated, 1 removed');
      expect(await admin.features.list({ featureName: 'f9' }).all()).toEqual([]);
    });
  });

  describe('response upload', () => {
    async function freshResponse(activationId: string): Promise<Uint8Array> {
      const request = await admin.offline.activationRequest({ activationId, count: 1 });
      return server.respond(request, ENTITLEMENTS);
    }

    it('C24: sends the file as multipart/form-data in the field "file" when asked, bytes unchanged', async () => {
      const { client, wire } = await recordingClient();
      const el = await mount(client, true);
      await uploadThroughForm(el, await freshResponse('ACT-0002'), 'resp.bin');
      expect(el.responseUploadState).toBe('done');
      expect(wire.contentTypes.get('capability_response')).toMatch(/^multipart\/form-data; boundary=/);
      expect((await admin.features.list({ featureName: 'g1' }).all()).map((f) => f.featureVersion)).toEqual(['2.0']);
    });

    it('shows a progress indicator while the response is on its way, and Cancel stops it', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow = await server.client('admin', {
        fetch: async (input, init) => {
          const request = new Request(input as RequestInfo, init);
          if (request.url.endsWith('/capability_response')) await gate;
          return fetch(request);
        },
      });
      const el = await mount(slow);
      chooseFiles(shadowQuery<HTMLInputElement>(el, '[part~="file-input"]'), [new File([new Uint8Array([1, 2, 3])], 'slow.bin')]);
      await el.updateComplete;
      shadowQuery<HTMLButtonElement>(el, '[part~="upload-button"]').click();
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('progress[part~="progress"]')).not.toBeNull());
      expect(shadowQuery(el, 'progress').getAttribute('aria-label')).toBe('Uploading slow.bin');
      const cancelled = nextEvent(el, 'ld-cancel');
      shadowQuery<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
      await cancelled;
      release();
      await el.updateComplete;
      expect(el.responseUploadState).toBe('idle');
      expect(el.shadowRoot!.querySelector('progress')).toBeNull();
      expect(el.shadowRoot!.querySelector('[part~="result"]')).toBeNull();
    });

    it('explains tampered, stale, foreign and invalid responses and leaves the licenses alone', async () => {
      const el = await mount(admin);
      const good = await freshResponse('ACT-0002');
      const tampered = good.slice();
      tampered[tampered.length - 5] = tampered[tampered.length - 5]! ^ 0xff;
      await uploadThroughForm(el, tampered, 'tampered.bin');
      expect(shadowQuery(el, '[part~="result"]').dataset.key).toBe('glsErr.responseTampered');
      expect(visibleText(el)).toContain('The response was changed: tampered.bin was not applied.');

      await uploadThroughForm(el, new TextEncoder().encode('<html>not a response</html>'), 'page.bin');
      expect(shadowQuery(el, '[part~="result"]').dataset.key).toBe('glsErr.invalidResponse');
      expect(visibleText(el)).toContain('Not a capability response');

      // Answered once, the same response is stale the second time.
      await uploadThroughForm(el, good, 'good.bin');
      expect(el.responseUploadState).toBe('done');
      await uploadThroughForm(el, good, 'again.bin');
      expect(shadowQuery(el, '[part~="result"]').dataset.key).toBe('glsErr.responseStale');
      expect(visibleText(el)).toContain('The response is out of date');

      // A response made for another server.
      const other = await startAdminServer({ seed: 'none' });
      try {
        const otherAdmin = await other.client();
        const foreign = await other.respond(await otherAdmin.offline.activationRequest({ activationId: 'ACT-0001', count: 1 }), ENTITLEMENTS);
        await uploadThroughForm(el, foreign, 'foreign.bin');
        expect(shadowQuery(el, '[part~="result"]').dataset.key).toBe('glsErr.responseForeign');
        expect(visibleText(el)).toContain('The response is for another license server');
      } finally {
        await other.stop();
      }
      expect(visibleText(el)).toContain('The licenses on the server are unchanged.');
      await expectNoAxeViolations(el);
    });

    it('refuses an empty file before sending it', async () => {
      const el = await mount(admin);
      chooseFiles(shadowQuery<HTMLInputElement>(el, '[part~="file-input"]'), [new File([], 'empty.bin')]);
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="file-input"]').getAttribute('aria-invalid')).toBe('true');
      expect(visibleText(el)).toContain('empty.bin is empty');
      expect(await el.uploadResponse(new File([], 'empty.bin'))).toBeNull();
    });
  });
});
