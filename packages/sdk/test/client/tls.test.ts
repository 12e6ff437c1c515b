import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createLicenseServerClient } from '../../src/index.js';
import { sendJson, startServer, type LocalServer } from './local-server.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed certificate for 127.0.0.1, made fresh for the test run. */
function selfSigned(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'licensedesk-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', '/CN=LicenseDesk test', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasOpenssl())('self-signed HTTPS (C19)', () => {
  let server: LocalServer;
  let cert: string;

  beforeAll(async () => {
    const pair = selfSigned();
    cert = pair.cert;
    server = await startServer(
      (_req, res) => sendJson(res, 200, { LLS: { version: '2025.05.0' } }),
      (handler) => createServer({ key: pair.key, cert: pair.cert }, handler),
    );
  });
  afterAll(() => server?.close());

  it('fails closed with a ConnectionError that points at the ca option when the CA is not given (C19)', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const error = await client.health.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toMatch(/TLS certificate is not trusted/);
    expect((error as ConnectionError).message).toContain('`ca`');
  });

  it('connects when the CA certificate is passed as the ca option (C19)', async () => {
    const client = createLicenseServerClient({ server: server.url, ca: cert });
    await expect(client.health.get()).resolves.toEqual({ LLS: { version: '2025.05.0' } });
  });
});
