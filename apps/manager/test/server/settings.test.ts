import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHost, parseLicenseServerUrl } from '../../src/server/index.js';
import { putSettings, startManager, tempDir } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function manager(options: Parameters<typeof startManager>[0] = {}) {
  const server = await startManager(options);
  cleanups.push(() => server.cleanup());
  return server;
}

describe('manager settings', () => {
  it('starts from the defaults, with --license-server as the initial server', async () => {
    const server = await manager({ licenseServer: 'http://licsrv.example:7071' });
    const response = await fetch(`${server.url}/manager-api/settings`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      licenseServerHost: 'licsrv.example',
      licenseServerPort: 7071,
      useHttps: false,
      pageSize: 20,
      allowDeviceDrop: false,
      licenseServerUrl: 'http://licsrv.example:7071',
    });
  });

  it('defaults to localhost:7070 over HTTP without --license-server', async () => {
    const server = await manager();
    expect(await (await fetch(`${server.url}/manager-api/settings`)).json()).toMatchObject({
      licenseServerHost: 'localhost',
      licenseServerPort: 7070,
      useHttps: false,
    });
  });

  it('keeps saved settings in a file that survives a restart (and --license-server no longer applies)', async () => {
    const data = await tempDir();
    cleanups.push(() => data.remove());
    const first = await startManager({ dataDir: data.path });
    const saved = await putSettings(first.url, {
      licenseServerHost: '10.0.0.5',
      licenseServerPort: 1443,
      useHttps: true,
      pageSize: 50,
      allowDeviceDrop: true,
    });
    expect(saved.status).toBe(200);
    await first.close();

    const file = JSON.parse(await readFile(join(data.path, 'settings.json'), 'utf8'));
    expect(file).toMatchObject({ version: 1, licenseServerHost: '10.0.0.5', licenseServerPort: 1443, useHttps: true, pageSize: 50, allowDeviceDrop: true });
    expect(typeof file.updatedAt).toBe('string');
    expect((await readdir(data.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const second = await startManager({ dataDir: data.path, licenseServer: 'http://other:7070' });
    cleanups.push(() => second.close());
    expect(await (await fetch(`${second.url}/manager-api/settings`)).json()).toEqual({
      licenseServerHost: '10.0.0.5',
      licenseServerPort: 1443,
      useHttps: true,
      pageSize: 50,
      allowDeviceDrop: true,
      licenseServerUrl: 'https://10.0.0.5:1443',
    });
  });

  it('merges a partial update and ignores the read-only licenseServerUrl sent back', async () => {
    const server = await manager();
    const current = await (await fetch(`${server.url}/manager-api/settings`)).json();
    const response = await putSettings(server.url, { ...current, pageSize: 100 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ licenseServerHost: 'localhost', pageSize: 100 });
    const partial = await putSettings(server.url, { allowDeviceDrop: true });
    expect(await partial.json()).toMatchObject({ pageSize: 100, allowDeviceDrop: true });
  });

  it('saves settings while the license server is down', async () => {
    const server = await manager({ licenseServer: 'http://127.0.0.1:1' });
    const response = await putSettings(server.url, { licenseServerHost: 'licsrv', licenseServerPort: 7070 });
    expect(response.status).toBe(200);
  });

  it('C15: explains that 8224@licsrv is an lmgrd address and asks for the REST host and port', async () => {
    const server = await manager();
    const response = await putSettings(server.url, { licenseServerHost: '8224@licsrv' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.key).toBe('ldErr.invalidSettings');
    expect(body.arguments).toEqual(['licenseServerHost']);
    expect(body.details).toHaveLength(1);
    expect(body.details[0].path).toBe('licenseServerHost');
    expect(body.message).toMatch(/lmgrd/);
    expect(body.message).toMatch(/FlexNet Publisher/);
    expect(body.message).toMatch(/FlexNet Embedded/);
    expect(body.message).toMatch(/"licsrv"/);
    expect(body.message).toMatch(/7070/);
    // Nothing was saved.
    expect(await (await fetch(`${server.url}/manager-api/settings`)).json()).toMatchObject({ licenseServerHost: 'localhost' });
  });

  it('rejects a URL in the host field with a hint naming host, port and HTTPS', async () => {
    const server = await manager();
    const body = await (await putSettings(server.url, { licenseServerHost: 'https://licsrv:1443/api/1.0' })).json();
    expect(body.details[0]).toEqual({
      path: 'licenseServerHost',
      message: 'Enter the host name only, without "https://": for "https://licsrv:1443/api/1.0" enter host "licsrv", port 1443 and Connect Using HTTPS Yes.',
    });
  });

  it('lists every invalid field in details', async () => {
    const server = await manager();
    const response = await putSettings(server.url, {
      licenseServerHost: 'licsrv/api',
      licenseServerPort: 70000,
      useHttps: 'yes',
      pageSize: 4,
      allowDeviceDrop: 1,
      colour: 'blue',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.message).toBe('6 settings are not valid.');
    expect(body.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['allowDeviceDrop', 'colour', 'licenseServerHost', 'licenseServerPort', 'pageSize', 'useHttps'].sort(),
    );
    expect(body.details.find((d: { path: string }) => d.path === 'pageSize').message).toMatch(/5 to 500/);
  });

  it('accepts page sizes 5 and 500 and rejects 501', async () => {
    const server = await manager();
    expect((await putSettings(server.url, { pageSize: 5 })).status).toBe(200);
    expect((await putSettings(server.url, { pageSize: 500 })).status).toBe(200);
    expect((await putSettings(server.url, { pageSize: 501 })).status).toBe(400);
  });

  it('refuses a body that is not JSON, and changes sent from another site', async () => {
    const server = await manager();
    const form = await fetch(`${server.url}/manager-api/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ pageSize: 30 }),
    });
    expect(form.status).toBe(415);
    expect((await form.json()).key).toBe('ldErr.badRequest');
    const crossSite = await fetch(`${server.url}/manager-api/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ pageSize: 30 }),
    });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).key).toBe('ldErr.crossSiteRequest');
    const broken = await fetch(`${server.url}/manager-api/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"pageSize":',
    });
    expect(broken.status).toBe(400);
    expect(await (await fetch(`${server.url}/manager-api/settings`)).json()).toMatchObject({ pageSize: 20 });
  });

  it('serialises concurrent saves and keeps a valid file', async () => {
    const server = await manager();
    const sizes = [10, 20, 30, 40, 50, 60, 70, 80];
    await Promise.all(sizes.map((pageSize) => putSettings(server.url, { pageSize })));
    const file = JSON.parse(await readFile(join(server.dataDir, 'settings.json'), 'utf8'));
    const current = await (await fetch(`${server.url}/manager-api/settings`)).json();
    expect(file.pageSize).toBe(current.pageSize);
  });

  it('starts with the defaults when the settings file is damaged, and says so', async () => {
    const data = await tempDir();
    cleanups.push(() => data.remove());
    await writeFile(join(data.path, 'settings.json'), '{"licenseServerHost": "licsrv", ');
    const warnings: string[] = [];
    const server = await manager({ dataDir: data.path, warn: (message) => warnings.push(message) });
    expect(warnings.join('\n')).toMatch(/not valid JSON/);
    expect(await (await fetch(`${server.url}/manager-api/settings`)).json()).toMatchObject({ licenseServerHost: 'localhost' });
    expect((await putSettings(server.url, { licenseServerHost: 'licsrv' })).status).toBe(200);
    expect(JSON.parse(await readFile(join(data.path, 'settings.json'), 'utf8')).licenseServerHost).toBe('licsrv');
  });

  it('ignores one bad field in the file but keeps the others', async () => {
    const data = await tempDir();
    cleanups.push(() => data.remove());
    await writeFile(join(data.path, 'settings.json'), JSON.stringify({ version: 1, licenseServerHost: 'licsrv', pageSize: 9999 }));
    const warnings: string[] = [];
    const server = await manager({ dataDir: data.path, warn: (message) => warnings.push(message) });
    expect(warnings.join('\n')).toMatch(/pageSize/);
    expect(await (await fetch(`${server.url}/manager-api/settings`)).json()).toMatchObject({ licenseServerHost: 'licsrv', pageSize: 20 });
  });
});

describe('checkHost', () => {
  it.each([
    ['licsrv', 'licsrv'],
    ['LicSrv.Example.COM', 'licsrv.example.com'],
    ['lic-srv_01.corp.', 'lic-srv_01.corp'],
    ['10.0.0.5', '10.0.0.5'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['FE80::1', 'fe80::1'],
    ['  licsrv  ', 'licsrv'],
  ])('accepts %j as %j', (input, host) => {
    expect(checkHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['8224@licsrv', /lmgrd/],
    ['27000@10.0.0.5', /lmgrd/],
    ['http://licsrv:7070', /without "http:\/\/": for "http:\/\/licsrv:7070" enter host "licsrv", port 7070 and Connect Using HTTPS No/],
    ['licsrv/api/1.0', /without a path/],
    ['licsrv:7070', /License Server Port/],
    ['[::1]:7070', /License Server Port/],
    ['user@licsrv', /"@"/],
    ['lic srv', /not a valid host name/],
    ['999.1.1.1', /not a valid IPv4/],
    ['', /Enter the host name/],
    [7070, /Enter the host name/],
  ])('rejects %j', (input, message) => {
    const result = checkHost(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('parseLicenseServerUrl', () => {
  it('normalises the forms --license-server takes', () => {
    expect(parseLicenseServerUrl('http://licsrv:7070')).toEqual({ licenseServerHost: 'licsrv', licenseServerPort: 7070, useHttps: false });
    expect(parseLicenseServerUrl('https://licsrv/')).toEqual({ licenseServerHost: 'licsrv', licenseServerPort: 7070, useHttps: true });
    expect(parseLicenseServerUrl('http://10.0.0.5:7070/api/1.0/instances/~')).toEqual({ licenseServerHost: '10.0.0.5', licenseServerPort: 7070, useHttps: false });
    expect(parseLicenseServerUrl('[::1]:7070')).toEqual({ licenseServerHost: '::1', licenseServerPort: 7070, useHttps: false });
    expect(parseLicenseServerUrl('licsrv')).toEqual({ licenseServerHost: 'licsrv', licenseServerPort: 7070, useHttps: false });
  });

  it('refuses lmgrd addresses, other schemes and credentials', () => {
    expect(() => parseLicenseServerUrl('8224@licsrv')).toThrow(/lmgrd/);
    expect(() => parseLicenseServerUrl('ftp://licsrv')).toThrow(/http/);
    expect(() => parseLicenseServerUrl('http://admin:pw@licsrv:7070')).toThrow(/user name or password/);
  });
});
