import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsGet, putSettings, startManager, startStub, tempDir, type Stub } from './helpers.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

/** A self-signed certificate for localhost and 127.0.0.1, made with the openssl CLI. */
function selfSigned(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}-key.pem`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`,
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

const HEALTH = { LLS: { version: '2024.06.0', status: 'OK', serverInstanceID: 'TEST-1' } };

describe.skipIf(!hasOpenssl)('HTTPS', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let managerCert: { cert: string; key: string };
  let serverCert: { cert: string; key: string };
  let secureLicense: Stub;

  beforeAll(async () => {
    dir = await tempDir('ld-tls-');
    managerCert = selfSigned(dir.path, 'manager');
    serverCert = selfSigned(dir.path, 'license-server');
    secureLicense = await startStub((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(HEALTH));
    }, serverCert);
  });

  afterAll(async () => {
    await secureLicense.close();
    await dir.remove();
  });

  it('serves the manager over HTTPS with --tls-cert/--tls-key, with HSTS', async () => {
    const manager = await startManager({ tls: managerCert });
    try {
      expect(manager.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const response = await httpsGet(`${manager.url}/manager-api/info`, managerCert.cert);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ name: 'LicenseDesk Manager', tls: true });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      // An untrusted client refuses the certificate: the test's trust really is the CA.
      await expect(httpsGet(`${manager.url}/manager-api/info`, serverCert.cert)).rejects.toThrow();
    } finally {
      await manager.cleanup();
    }
  });

  it('C19: refuses a self-signed license server certificate without --license-server-ca, and says how to fix it', async () => {
    const manager = await startManager({ licenseServer: secureLicense.origin });
    try {
      const response = await fetch(`${manager.url}/api/1.0/instances/~/health`);
      expect(response.status).toBe(502);
      const body = await response.json();
      expect(body.key).toBe('ldErr.serverTlsError');
      expect(body.arguments).toEqual([secureLicense.origin]);
      expect(body.message).toMatch(/self-signed/);
      expect(body.message).toContain('--license-server-ca');
      expect(secureLicense.received).toEqual([]);

      const probe = await (await fetch(`${manager.url}/manager-api/probe`)).json();
      expect(probe).toMatchObject({ reachable: true, isFlexNetEmbedded: false, url: `${secureLicense.origin}/api/1.0/instances/~/health` });
      expect(probe.error).toMatch(/TLS/);
    } finally {
      await manager.cleanup();
    }
  });

  it('C19: relays to the HTTPS license server when its CA is given', async () => {
    const manager = await startManager({ licenseServer: secureLicense.origin, licenseServerCa: serverCert.cert });
    try {
      const response = await fetch(`${manager.url}/api/1.0/instances/~/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(HEALTH);
      const probe = await (await fetch(`${manager.url}/manager-api/probe`)).json();
      expect(probe).toMatchObject({ reachable: true, isFlexNetEmbedded: true, version: '2024.06.0', status: 'OK' });
      expect((await (await fetch(`${manager.url}/manager-api/info`)).json()).licenseServerCaConfigured).toBe(true);
    } finally {
      await manager.cleanup();
    }
  });

  it('explains HTTPS towards a license server that speaks plain HTTP', async () => {
    const plain = await startStub((_request, response) => response.end('{}'));
    const manager = await startManager({ licenseServer: plain.origin });
    try {
      expect((await putSettings(manager.url, { useHttps: true })).status).toBe(200);
      const body = await (await fetch(`${manager.url}/api/1.0/instances/~/features`)).json();
      expect(body.key).toBe('ldErr.serverTlsError');
      expect(body.message).toMatch(/did not answer with TLS/);
      expect(body.message).toMatch(/Connect Using HTTPS to No/);
    } finally {
      await manager.cleanup();
      await plain.close();
    }
  });
});
