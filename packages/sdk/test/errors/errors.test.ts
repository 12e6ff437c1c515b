import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  LicenseDeskError,
  LicenseServerError,
  NotFoundError,
  PayloadTooLargeError,
  ServerError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
  createLicenseServerClient,
  createLicenseServerError,
} from '../../src/index.js';
import { route, sendJson, startServer, type LocalServer } from '../client/local-server.js';

describe('createLicenseServerError', () => {
  it('picks the subclass from the status', () => {
    const classes: [number, new (...args: never[]) => LicenseServerError][] = [
      [400, ValidationError],
      [401, UnauthorizedError],
      [403, ForbiddenError],
      [404, NotFoundError],
      [409, ConflictError],
      [413, PayloadTooLargeError],
      [422, ValidationError],
      [429, TooManyRequestsError],
      [500, ServerError],
      [502, ServerError],
      [418, LicenseServerError],
    ];
    for (const [status, cls] of classes) {
      const error = createLicenseServerError({ status, body: undefined });
      expect(error, String(status)).toBeInstanceOf(cls);
      expect(error).toBeInstanceOf(LicenseServerError);
      expect(error).toBeInstanceOf(LicenseDeskError);
      expect(error.status).toBe(status);
    }
  });

  it('reads key, message, arguments and details from the JSON error body', () => {
    const error = createLicenseServerError({
      status: 400,
      body: {
        key: 'glsErr.invalidModel',
        message: 'Invalid model definition',
        arguments: ['Feature f1 1.0 appears twice in partition p1', 7],
        details: [{ line: 4, column: 5, message: 'Feature f1 1.0 appears twice' }, { path: '$[0].name', message: 'required' }],
      },
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.key).toBe('glsErr.invalidModel');
    expect(error.message).toBe('Invalid model definition');
    expect(error.arguments).toEqual(['Feature f1 1.0 appears twice in partition p1', '7']);
    expect(error.details).toEqual([
      { line: 4, column: 5, message: 'Feature f1 1.0 appears twice' },
      { path: '$[0].name', message: 'required' },
    ]);
    expect(error.name).toBe('ValidationError');
  });

  it('parses a JSON error body given as text', () => {
    const error = createLicenseServerError({ status: 409, body: '{"key":"glsErr.userExists","message":"exists","arguments":["bob"]}' });
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.key).toBe('glsErr.userExists');
    expect(error.body).toEqual({ key: 'glsErr.userExists', message: 'exists', arguments: ['bob'] });
  });

  it('keeps the raw text of a non-JSON body and shows its text without markup', () => {
    const html = '<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1></body></html>';
    const error = createLicenseServerError({ status: 502, body: html });
    expect(error).toBeInstanceOf(ServerError);
    expect(error.body).toBe(html);
    expect(error.key).toBeUndefined();
    expect(error.arguments).toEqual([]);
    expect(error.message).toBe('HTTP 502: 502 Bad Gateway');
  });

  it('names the status and URL when there is no body at all', () => {
    const error = createLicenseServerError({ status: 503, body: '', url: 'http://licsrv:7070/api/1.0/instances/~/features' });
    expect(error.body).toBeUndefined();
    expect(error.message).toBe('HTTP 503 from the license server at http://licsrv:7070/api/1.0/instances/~/features');
  });

  it('reads Retry-After in seconds and as a date', () => {
    const seconds = createLicenseServerError({ status: 429, body: undefined, headers: new Headers({ 'Retry-After': '30' }) });
    expect(seconds).toBeInstanceOf(TooManyRequestsError);
    expect(seconds.retryAfter).toBe(30);
    const date = new Date(Date.now() + 10_000).toUTCString();
    const later = createLicenseServerError({ status: 409, body: undefined, headers: new Headers({ 'Retry-After': date }) });
    expect(later.retryAfter).toBeGreaterThanOrEqual(8);
    expect(later.retryAfter).toBeLessThanOrEqual(11);
  });

  it('exports AuthError as the same class as UnauthorizedError', () => {
    expect(AuthError).toBe(UnauthorizedError);
  });
});

describe('bodies that are not JSON (C25)', () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startServer((req, res) => {
      const path = route(req);
      if (req.method === 'DELETE' && path === '/reservationgroups/1') {
        res.writeHead(204).end();
      } else if (path === '/model/status') {
        // 200 with an empty body and no Content-Length (chunked).
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('');
        res.end();
      } else if (path === '/hostids') {
        res.writeHead(200, { 'Content-Length': '0' }).end();
      } else if (path === '/features') {
        res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>Proxy error</html>');
      } else if (path === '/model') {
        sendJson(res, 400, { key: 'glsErr.invalidModel' });
      } else if (path === '/licensepools') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Please sign in to the proxy</body></html>');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  afterAll(() => server.close());

  it('gives four well-formed raw results for 204, an empty 200, a 502 HTML page and a JSON 400, without throwing (C25)', async () => {
    const client = createLicenseServerClient({ server: server.url });

    const deleted = await client.raw.DELETE('/reservationgroups/{groupId}', { params: { path: { groupId: 1 } } });
    expect(deleted.response.status).toBe(204);
    expect(deleted.data).toBeUndefined();
    expect(deleted.error).toBeUndefined();

    const empty = await client.raw.GET('/model/status');
    expect(empty.response.status).toBe(200);
    expect(empty.data).toBeUndefined();

    const proxy = await client.raw.GET('/features');
    expect(proxy.response.status).toBe(502);
    expect(proxy.error).toBe('<html>Proxy error</html>');

    const invalid = await client.raw.PUT('/model', {
      body: 'model "m" {',
      bodySerializer: (body: string) => body,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error).toEqual({ key: 'glsErr.invalidModel' });
  });

  it('turns the same four answers into undefined, undefined, a ServerError with the raw text and a typed ValidationError (C25)', async () => {
    const client = createLicenseServerClient({ server: server.url });
    await expect(client.reservations.delete(1)).resolves.toBeUndefined();
    await expect(client.model.status()).resolves.toBeUndefined();
    await expect(client.hostids.get()).resolves.toBeUndefined();

    const proxy = await client.features.list().all().catch((e: unknown) => e);
    expect(proxy).toBeInstanceOf(ServerError);
    expect((proxy as ServerError).status).toBe(502);
    expect((proxy as ServerError).body).toBe('<html>Proxy error</html>');
    expect((proxy as ServerError).message).toContain('Proxy error');

    const invalid = await client.model.upload('model "m" {').catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).key).toBe('glsErr.invalidModel');
  });

  it('reports a 200 whose body is HTML instead of JSON as a LicenseServerError that keeps the text, never a SyntaxError', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const error = await client.pools.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LicenseServerError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect((error as LicenseServerError).status).toBe(200);
    expect((error as LicenseServerError).body).toContain('Please sign in to the proxy');
    expect((error as LicenseServerError).message).toMatch(/not JSON \(text\/html\)/);
  });
});

describe('network failures', () => {
  it('throws a ConnectionError naming the address tried when nothing listens there', async () => {
    const closed = await startServer((_req, res) => res.end());
    const url = closed.url;
    await closed.close();
    const client = createLicenseServerClient({ server: url });
    const error = await client.health.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).url).toBe(`${url}/api/1.0/instances/~/health`);
    expect((error as ConnectionError).message).toContain(`${url}/api/1.0/instances/~/health`);
    expect((error as ConnectionError).message).toMatch(/connection refused/);
    expect((error as ConnectionError).cause).toBeInstanceOf(TypeError);
  });

  it('rejects raw calls with the same ConnectionError', async () => {
    const client = createLicenseServerClient({
      server: 'http://licsrv:7070',
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND licsrv'), { code: 'ENOTFOUND' }) });
      },
    });
    const error = await client.raw.GET('/health').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toBe(
      'Could not reach the license server at http://licsrv:7070/api/1.0/instances/~/health: host name not found.',
    );
  });

  it('throws an AbortError when the call is cancelled through its signal', async () => {
    const server = await startServer(() => undefined); // never answers
    try {
      const client = createLicenseServerClient({ server: server.url });
      const controller = new AbortController();
      const pending = client.health.get({ signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(pending).rejects.toBeInstanceOf(AbortError);
    } finally {
      await server.close();
    }
  });

  it('throws an AbortError when the client-wide signal is aborted', async () => {
    const server = await startServer(() => undefined);
    try {
      const controller = new AbortController();
      const client = createLicenseServerClient({ server: server.url, signal: controller.signal });
      const pending = client.features.get(1);
      setTimeout(() => controller.abort(), 20);
      const error = await pending.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      expect((error as AbortError).url).toContain('/features/1');
    } finally {
      await server.close();
    }
  });
});
