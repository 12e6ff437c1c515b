import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/index.js';
import { rawRequest, startManager, startStub, type Stub } from './helpers.js';

let license: Stub;
let manager: Awaited<ReturnType<typeof startManager>>;

beforeAll(async () => {
  license = await startStub((_request, response) => {
    // A license server's own security headers must not replace the manager's.
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-security-policy': "default-src *; script-src 'unsafe-inline'",
      'x-frame-options': 'ALLOWALL',
      'strict-transport-security': 'max-age=99',
    });
    response.end('[]');
  });
  manager = await startManager({ licenseServer: license.origin });
});

afterAll(async () => {
  await manager.cleanup();
  await license.close();
});

function expectSecurityHeaders(headers: Headers) {
  expect(headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('strict-transport-security')).toBeNull();
}

describe('security headers', () => {
  it('sets a CSP without inline script, with self-only connections and no framing', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['script-src']).not.toMatch(/unsafe/);
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['img-src']).toBe("'self' data:");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['base-uri']).toBe("'self'");
    expect(directives['form-action']).toBe("'self'");
  });

  it.each([
    ['the settings API', '/manager-api/settings', 'GET'],
    ['build info', '/manager-api/info', 'GET'],
    ['a relayed call', '/api/1.0/instances/~/features', 'GET'],
    ['a refused relay path', '/api/1.0/../x', 'GET'],
    ['the site page', '/features', 'GET'],
    ['a 404', '/nothing', 'DELETE'],
  ])('are on %s', async (_name, path, method) => {
    const response = await fetch(`${manager.url}${path}`, { method, headers: { accept: 'text/html' } });
    expectSecurityHeaders(response.headers);
  });

  it('on a malformed URL too', async () => {
    const answer = await rawRequest(manager.port, 'GET /api/1.0/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.head.toLowerCase()).toContain('x-frame-options: deny');
  });
});

describe('request checks', () => {
  it('refuses Host names that are not local while listening on loopback (DNS rebinding)', async () => {
    const answer = await rawRequest(manager.port, 'GET /manager-api/settings HTTP/1.1\r\nHost: attacker.example:8080\r\n\r\n');
    expect(answer.status).toBe(421);
    expect(answer.body).toContain('ldErr.hostNotAllowed');
    for (const host of ['localhost', `127.0.0.1:${manager.port}`, `[::1]:${manager.port}`, 'app.localhost']) {
      const ok = await rawRequest(manager.port, `GET /manager-api/info HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      expect(ok.status, host).toBe(200);
    }
  });

  it('accepts the extra names given with allowedHosts', async () => {
    const proxied = await startManager({ allowedHosts: ['Manager.Corp.Example'] });
    try {
      const ok = await rawRequest(proxied.port, 'GET /manager-api/info HTTP/1.1\r\nHost: manager.corp.example\r\n\r\n');
      expect(ok.status).toBe(200);
    } finally {
      await proxied.cleanup();
    }
  });

  it('refuses writes sent from other sites, through the relay too', async () => {
    const response = await fetch(`${manager.url}/api/1.0/instances/~/features`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
      body: 'x',
    });
    expect(response.status).toBe(403);
    const sameOrigin = await fetch(`${manager.url}/api/1.0/instances/~/features`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: manager.url, 'sec-fetch-site': 'same-origin' },
      body: '{}',
    });
    expect(sameOrigin.status).toBe(200);
  });
});
