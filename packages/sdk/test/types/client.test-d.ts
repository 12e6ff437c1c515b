import { describe, expectTypeOf, it } from 'vitest';
import {
  createLicenseServerClient,
  type CapabilityResponseResult,
  type Device,
  type Feature,
  type LicenseServerError,
  type Page,
  type Paginated,
  type Session,
  type UnauthorizedError,
} from '../../src/index.js';

const client = createLicenseServerClient({ server: 'http://localhost:7070' });

describe('client types', () => {
  it('accepts { file: new File([...], "resp.bin") } for a capability response upload (C24)', () => {
    const file = new File([new Uint8Array([0, 255])], 'resp.bin');
    expectTypeOf(client.offline.uploadResponse({ file })).toEqualTypeOf<Promise<CapabilityResponseResult>>();
    expectTypeOf(client.offline.uploadResponse).toBeCallableWith({ file: new File([new Uint8Array([1])], 'resp.bin') });
    expectTypeOf(client.offline.uploadResponse).toBeCallableWith(new FormData());
    expectTypeOf(client.offline.uploadResponse).toBeCallableWith(new Uint8Array(4));
    expectTypeOf(client.offline.uploadResponse).toBeCallableWith(new ArrayBuffer(4));
    expectTypeOf(client.offline.uploadResponse).toBeCallableWith(new Blob([]));
    // @ts-expect-error text is not bytes
    void client.offline.uploadResponse('not bytes');
  });

  it('types the multipart body of the raw capability_response call with a File (C24)', () => {
    void client.raw.POST('/capability_response', {
      body: { file: new File([new Uint8Array([1])], 'resp.bin') },
      bodySerializer: (body) => {
        const form = new FormData();
        form.append('file', (body as { file: Blob }).file);
        return form;
      },
    });
  });

  it('returns bytes from the offline downloads (C23)', () => {
    expectTypeOf(client.offline.capabilityRequest()).toEqualTypeOf<Promise<Uint8Array>>();
    expectTypeOf(client.offline.activationRequest({ activationId: 'ACT-0001', count: 2 })).toEqualTypeOf<Promise<Uint8Array>>();
  });

  it('returns the model definition as text or null', () => {
    expectTypeOf(client.model.get()).toEqualTypeOf<Promise<string | null>>();
  });

  it('returns paginated lists with typed pages', () => {
    expectTypeOf(client.features.list({ activeOnly: true })).toEqualTypeOf<Paginated<Feature>>();
    expectTypeOf(client.devices.list().getPage(1, 50)).toEqualTypeOf<Promise<Page<Device>>>();
    expectTypeOf(client.devices.list().all()).toEqualTypeOf<Promise<Device[]>>();
    expectTypeOf(client.features.list()).toMatchTypeOf<AsyncIterable<Feature>>();
  });

  it('types raw calls with instance-relative paths and no instanceId parameter', () => {
    void client.raw.GET('/features', { params: { query: { activeOnly: true, pageSize: 50 } } }).then(({ data, error }) => {
      expectTypeOf(data).toEqualTypeOf<Feature[] | undefined>();
      expectTypeOf(error).not.toBeAny();
    });
    void client.raw.GET('/features/{id}', { params: { path: { id: 1 } } });
    // @ts-expect-error the path parameter is required
    void client.raw.GET('/features/{id}');
    // @ts-expect-error full spec paths are not raw paths: the base URL carries the instance
    void client.raw.GET('/api/1.0/instances/{instanceId}/features');
  });

  it('types the data of a 204 answer as undefined (C25)', () => {
    void client.raw.DELETE('/reservationgroups/{groupId}', { params: { path: { groupId: 1 } } }).then(({ data }) => {
      expectTypeOf(data).toEqualTypeOf<undefined>();
    });
    expectTypeOf(client.reservations.delete(1)).toEqualTypeOf<Promise<void>>();
  });

  it('exposes the session and the error fields', () => {
    expectTypeOf(client.session).toEqualTypeOf<Session | null>();
    expectTypeOf(client.login('admin', 'pw')).toEqualTypeOf<Promise<Session>>();
    expectTypeOf<UnauthorizedError>().toMatchTypeOf<LicenseServerError>();
    expectTypeOf<LicenseServerError['key']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<LicenseServerError['arguments']>().toEqualTypeOf<string[]>();
  });
});
