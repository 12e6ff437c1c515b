import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startManager, startStub } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function probeAgainst(origin: string) {
  const manager = await startManager({ licenseServer: origin });
  cleanups.push(() => manager.cleanup());
  const response = await fetch(`${manager.url}/manager-api/probe`);
  expect(response.status).toBe(200);
  return response.json();
}

async function stub(status: number, type: string, body: string) {
  const server = await startStub((_request, response) => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  });
  cleanups.push(() => server.close());
  return server;
}

describe('GET /manager-api/probe (C15)', () => {
  it('recognises a FlexNet Embedded server by its health document', async () => {
    const server = await stub(200, 'application/json', JSON.stringify({ LLS: { version: '2024.06.0', status: 'OK', buildDate: '2024-06-01' } }));
    const result = await probeAgainst(server.origin);
    expect(result).toMatchObject({
      reachable: true,
      isFlexNetEmbedded: true,
      version: '2024.06.0',
      status: 'OK',
      httpStatus: 200,
      url: `${server.origin}/api/1.0/instances/~/health`,
    });
    expect(result.error).toBeUndefined();
    expect(server.received[0]!.url).toBe('/api/1.0/instances/~/health');
  });

  it('counts a glsErr answer as a FlexNet Embedded server', async () => {
    const server = await stub(401, 'application/json', JSON.stringify({ key: 'glsErr.unauthorized', message: 'x', arguments: [] }));
    expect(await probeAgainst(server.origin)).toMatchObject({ reachable: true, isFlexNetEmbedded: true, httpStatus: 401 });
  });

  it('says "not a FlexNet Embedded server" for another web server', async () => {
    const server = await stub(200, 'text/html', '<html><body>It works!</body></html>');
    const result = await probeAgainst(server.origin);
    expect(result).toMatchObject({ reachable: true, isFlexNetEmbedded: false, httpStatus: 200 });
    expect(result.error).toMatch(/^not a FlexNet Embedded server/);
  });

  it('says "not a FlexNet Embedded server" for a port that does not speak HTTP (e.g. lmgrd)', async () => {
    const tcp = net.createServer((socket) => {
      socket.resume();
      socket.end('\x00\x01lmgrd-ish binary\r\n\r\n');
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => tcp.close(() => resolve())));
    const result = await probeAgainst(`http://127.0.0.1:${(tcp.address() as AddressInfo).port}`);
    expect(result).toMatchObject({ reachable: true, isFlexNetEmbedded: false });
    expect(result.error).toMatch(/^not a FlexNet Embedded server/);
  });

  it('says "unreachable" with the address tried', async () => {
    const port = await closedPort();
    const result = await probeAgainst(`http://127.0.0.1:${port}`);
    expect(result).toMatchObject({ reachable: false, isFlexNetEmbedded: false, url: `http://127.0.0.1:${port}/api/1.0/instances/~/health` });
    expect(result.error).toContain(`unreachable: http://127.0.0.1:${port}/api/1.0/instances/~/health`);
  });
});

describe('GET /manager-api/info', () => {
  it('reports the manager build and the Node version', async () => {
    const manager = await startManager();
    cleanups.push(() => manager.cleanup());
    const info = await (await fetch(`${manager.url}/manager-api/info`)).json();
    expect(info).toMatchObject({ name: 'LicenseDesk Manager', nodeVersion: process.version, tls: false, licenseServerCaConfigured: false });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info).toHaveProperty('buildDate');
    expect(info).toHaveProperty('gitCommit');
  });
});
