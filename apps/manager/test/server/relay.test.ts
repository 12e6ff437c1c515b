import { randomBytes } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkRelayTarget } from '../../src/server/index.js';
import { closedPort, putSettings, rawRequest, sha256, startManager, startStub, type Stub } from './helpers.js';

let license: Stub;
let evil: Stub;
let manager: Awaited<ReturnType<typeof startManager>>;

beforeAll(async () => {
  license = await startStub((request, response) => {
    const url = new URL(request.url, 'http://stub');
    if (url.pathname.endsWith('/echo')) {
      response.writeHead(207, {
        'content-type': request.headers['content-type'] ?? 'application/octet-stream',
        'x-total-count': '1234',
        'retry-after': '17',
        'x-stub-method': request.method,
        'set-cookie': ['a=1; HttpOnly', 'b=2'],
      });
      response.end(request.body);
      return;
    }
    if (url.pathname.endsWith('/empty')) {
      response.writeHead(204, { 'x-total-count': '0' });
      response.end();
      return;
    }
    if (url.pathname.endsWith('/gzip')) {
      const body = gzipSync(Buffer.from(JSON.stringify({ features: Array.from({ length: 200 }, (_, i) => ({ id: i })) })));
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length });
      response.end(body);
      return;
    }
    if (url.pathname.endsWith('/big')) {
      const body = Buffer.alloc(200_000, 'x');
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(body);
      return;
    }
    if (url.pathname.endsWith('/denied')) {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ key: 'glsErr.accessDenied', message: 'Access denied', arguments: [] }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'connection': 'keep-alive, x-hop', 'x-hop': 'drop me', 'keep-alive': 'timeout=5' });
    response.end(JSON.stringify({ ok: true }));
  });
  evil = await startStub((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('EVIL');
  });
  manager = await startManager({ licenseServer: license.origin });
});

afterAll(async () => {
  await manager.cleanup();
  await license.close();
  await evil.close();
});

beforeEach(() => {
  license.received.length = 0;
  evil.received.length = 0;
});

describe('relay to the configured license server', () => {
  it('forwards method, path, query, body bytes and headers unchanged and returns status, headers and body', async () => {
    const body = Buffer.concat([Buffer.from([0x00, 0xff, 0x7f, 0x80]), randomBytes(5000)]);
    const response = await fetch(`${manager.url}/api/1.0/instances/~/echo?pageSize=5&pageNumber=2&hostid=HOST-1*`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer abc.def.ghi',
        'content-type': 'application/octet-stream',
        'x-custom': 'kept',
        accept: 'application/json',
      },
      body,
    });
    expect(response.status).toBe(207);
    expect(response.headers.get('x-total-count')).toBe('1234');
    expect(response.headers.get('retry-after')).toBe('17');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.getSetCookie()).toEqual(['a=1; HttpOnly', 'b=2']);
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(body));

    expect(license.received).toHaveLength(1);
    const seen = license.received[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/api/1.0/instances/~/echo?pageSize=5&pageNumber=2&hostid=HOST-1*');
    expect(seen.headers.authorization).toBe('Bearer abc.def.ghi');
    expect(seen.headers['content-type']).toBe('application/octet-stream');
    expect(seen.headers['x-custom']).toBe('kept');
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers.host).toBe(`127.0.0.1:${license.port}`);
    expect(sha256(seen.body)).toBe(sha256(body));
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('forwards %s with a JSON body', async (method) => {
    const json = JSON.stringify({ 'security.anonymous': false, name: 'ünïcødé' });
    const response = await fetch(`${manager.url}/api/1.0/instances/~/echo`, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: json,
    });
    expect(response.status).toBe(207);
    expect(response.headers.get('x-stub-method')).toBe(method);
    expect(await response.text()).toBe(json);
    expect(license.received[0]!.body.toString('utf8')).toBe(json);
  });

  it('streams a large body both ways', async () => {
    const body = randomBytes(3 * 1024 * 1024);
    const response = await fetch(`${manager.url}/api/1.0/instances/~/echo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body,
    });
    expect(response.status).toBe(207);
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(body));
  });

  it('forwards a body sent without a Content-Type', async () => {
    const answer = await rawRequest(
      manager.port,
      `POST /api/1.0/instances/~/echo HTTP/1.1\r\nHost: 127.0.0.1:${manager.port}\r\nContent-Length: 5\r\n\r\nhello`,
    );
    expect(answer.status).toBe(207);
    expect(license.received[0]!.body.toString()).toBe('hello');
  });

  it('passes 204, error answers and HEAD through', async () => {
    const empty = await fetch(`${manager.url}/api/1.0/instances/~/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(empty.headers.get('x-total-count')).toBe('0');
    expect(await empty.text()).toBe('');

    const denied = await fetch(`${manager.url}/api/1.0/instances/~/denied`);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ key: 'glsErr.accessDenied', message: 'Access denied', arguments: [] });

    const head = await fetch(`${manager.url}/api/1.0/instances/~/big`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(license.received.at(-1)!.method).toBe('HEAD');
  });

  it('keeps the license server content encoding and bytes (no second compression)', async () => {
    const answer = await rawRequest(
      manager.port,
      `GET /api/1.0/instances/~/gzip HTTP/1.1\r\nHost: 127.0.0.1:${manager.port}\r\nAccept-Encoding: gzip, br\r\n\r\n`,
    );
    expect(answer.status).toBe(200);
    expect(answer.head.toLowerCase()).toContain('content-encoding: gzip');
    expect(answer.head.toLowerCase()).not.toContain('content-encoding: br');
    const big = await rawRequest(manager.port, `GET /api/1.0/instances/~/big HTTP/1.1\r\nHost: 127.0.0.1:${manager.port}\r\nAccept-Encoding: br\r\n\r\n`);
    expect(big.head.toLowerCase()).not.toContain('content-encoding');
    expect(big.body).toContain('x'.repeat(10_000));
  });

  it('drops hop-by-hop headers in both directions', async () => {
    const answer = await rawRequest(
      manager.port,
      `GET /api/1.0/instances/~/features HTTP/1.1\r\nHost: 127.0.0.1:${manager.port}\r\n` +
        'Connection: close, X-Secret-Hop\r\nX-Secret-Hop: 1\r\nTE: trailers\r\nProxy-Authorization: Basic Zm9vOmJhcg==\r\n' +
        'Keep-Alive: timeout=5\r\nUpgrade: websocket\r\nCookie: manager=1\r\nAuthorization: Bearer t\r\n\r\n',
    );
    expect(answer.status).toBe(200);
    const seen = license.received[0]!.headers;
    expect(seen['x-secret-hop']).toBeUndefined();
    expect(seen.te).toBeUndefined();
    expect(seen['proxy-authorization']).toBeUndefined();
    expect(seen['keep-alive']).toBeUndefined();
    expect(seen.upgrade).toBeUndefined();
    expect(seen.cookie).toBeUndefined();
    expect(seen.authorization).toBe('Bearer t');
    expect(answer.head.toLowerCase()).not.toContain('x-hop');
  });

  it('follows a settings change at once, without a restart', async () => {
    const other = await startStub((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"other":true}');
    });
    try {
      expect((await putSettings(manager.url, { licenseServerPort: other.port })).status).toBe(200);
      expect(await (await fetch(`${manager.url}/api/1.0/instances/~/features`)).json()).toEqual({ other: true });
    } finally {
      await putSettings(manager.url, { licenseServerPort: license.port });
      await other.close();
    }
  });
});

describe('the relay is not an open proxy', () => {
  const attempts = [
    '/api/1.0/../../x',
    '/api/1.0/..%2f..%2fmanager-api/settings',
    '/api/1.0/..%2F..%2Fx',
    '/api/1.0/%2e%2e/%2e%2e/x',
    '/api/1.0/instances/%2fevil.example',
    '/api/1.0//evil.example/',
    '//evil.example/api/1.0/features',
    '/api/1.0/instances/~/..\\..\\x',
    '/api/1.0/@evil.example/features',
    '/api/1.0/instances/~/features@evil.example',
    '/api/1.0/instances/%00/x',
    '/api/1.0/%zz',
    '/api/1.0/',
    '/api/2.0/instances/~/features',
    '/api/1.0%2f..%2fx',
  ];

  it.each(attempts)('refuses %s', async (target) => {
    const answer = await rawRequest(manager.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${manager.port}\r\n\r\n`);
    expect([400, 404]).toContain(answer.status);
    expect(answer.body).toMatch(/ldErr\./);
    expect(answer.head.toLowerCase()).toContain('content-security-policy');
    expect(license.received).toEqual([]);
    expect(evil.received).toEqual([]);
  });

  it('refuses absolute-form request targets, even for another host', async () => {
    for (const target of [
      `http://127.0.0.1:${evil.port}/api/1.0/instances/~/features`,
      `http://127.0.0.1:${license.port}/api/1.0/instances/~/features`,
      `http://user@127.0.0.1:${evil.port}/api/1.0/x`,
    ]) {
      const answer = await rawRequest(manager.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${evil.port}\r\n\r\n`);
      expect(answer.status).toBe(400);
      expect(answer.body).not.toContain('EVIL');
    }
    const connect = await rawRequest(manager.port, `CONNECT 127.0.0.1:${evil.port} HTTP/1.1\r\nHost: 127.0.0.1:${evil.port}\r\n\r\n`);
    expect(connect.status).not.toBe(200);
    expect(license.received).toEqual([]);
    expect(evil.received).toEqual([]);
  });

  it('sends to the configured host whatever Host header the browser sends', async () => {
    const answer = await rawRequest(manager.port, `GET /api/1.0/instances/~/features HTTP/1.1\r\nHost: localhost:${manager.port}\r\n\r\n`);
    expect(answer.status).toBe(200);
    expect(evil.received).toEqual([]);
    expect(license.received[0]!.headers.host).toBe(`127.0.0.1:${license.port}`);
  });

  it('checkRelayTarget keeps a normal path and query exactly', () => {
    expect(checkRelayTarget('/api/1.0/instances/~/users/jane%40acme.com/password')).toBe('/api/1.0/instances/~/users/jane%40acme.com/password');
    expect(checkRelayTarget('/api/1.0/features?featureName=f1&activeOnly=true')).toBe('/api/1.0/features?featureName=f1&activeOnly=true');
    expect(checkRelayTarget('/api/1.0/instances/ABC123XYZ/features/')).toBe('/api/1.0/instances/ABC123XYZ/features/');
  });
});

describe('relay errors', () => {
  it('sends a GET again once when a kept-alive connection turns out to be closed', async () => {
    let connections = 0;
    const flaky = net.createServer((socket) => {
      connections += 1;
      let requests = 0;
      let buffered = '';
      socket.on('data', (chunk) => {
        buffered += chunk.toString('latin1');
        while (buffered.includes('\r\n\r\n')) {
          buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
          requests += 1;
          // The second request on a connection finds it closed (as after a server restart).
          if (requests > 1) {
            socket.resetAndDestroy();
            return;
          }
          socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n[]');
        }
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const relay = await startManager({ licenseServer: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}` });
    try {
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${relay.url}/api/1.0/instances/~/features`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual([]);
      }
      expect(connections).toBe(3);
    } finally {
      await relay.cleanup();
      flaky.close();
    }
  });


  it('answers 502 ldErr.serverUnreachable with the address tried when nothing listens', async () => {
    const port = await closedPort();
    const down = await startManager({ licenseServer: `http://127.0.0.1:${port}` });
    try {
      const response = await fetch(`${down.url}/api/1.0/instances/~/features`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
      expect(response.status).toBe(502);
      const body = await response.json();
      expect(body.key).toBe('ldErr.serverUnreachable');
      expect(body.arguments).toEqual([`http://127.0.0.1:${port}`]);
      expect(body.message).toMatch(new RegExp(`^License server at http://127\\.0\\.0\\.1:${port} is unreachable: connection refused`));
      expect(body.message).toContain('ECONNREFUSED');
    } finally {
      await down.cleanup();
    }
  });

  it('names an unknown host', async () => {
    const down = await startManager({ licenseServer: 'http://no-such-host.invalid:7070' });
    try {
      const response = await fetch(`${down.url}/api/1.0/instances/~/health`);
      expect(response.status).toBe(502);
      const body = await response.json();
      expect(body.message).toMatch(/^License server at http:\/\/no-such-host\.invalid:7070 is unreachable: /);
    } finally {
      await down.cleanup();
    }
  });

  it('answers 504 when the license server accepts but never answers', async () => {
    const silent = await startStub(() => {
      /* never answers */
    });
    const slow = await startManager({ licenseServer: silent.origin, idleTimeoutMs: 300 });
    try {
      const response = await fetch(`${slow.url}/api/1.0/instances/~/features`);
      expect(response.status).toBe(504);
      expect((await response.json()).key).toBe('ldErr.serverTimeout');
    } finally {
      await slow.cleanup();
      await silent.close();
    }
  });
});
