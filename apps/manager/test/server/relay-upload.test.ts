import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startManager } from './helpers.js';

// An upstream that refuses a large body at once (as the license server does with 413) and
// closes the connection while the body is still being sent.
let upstream: http.Server;
let manager: Awaited<ReturnType<typeof startManager>>;
const TOO_LARGE = JSON.stringify({ key: 'glsErr.payloadTooLarge', message: 'The request body is too large.', arguments: [] });

beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    response.writeHead(413, { 'content-type': 'application/json', connection: 'close', 'content-length': Buffer.byteLength(TOO_LARGE) });
    response.end(TOO_LARGE, () => request.socket.destroy());
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  manager = await startManager({ licenseServer: `http://127.0.0.1:${port}` });
});

afterAll(async () => {
  await manager.cleanup();
  await new Promise((resolve) => upstream.close(resolve));
});

describe('relay: an upstream that answers before the request body is sent', () => {
  it('passes the 413 and its body through, every time', { timeout: 20000 }, async () => {
    const body = Buffer.alloc(3_300_000, 'x');
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await fetch(`${manager.url}/api/1.0/instances/~/reservationgroups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status, `attempt ${attempt + 1}`).toBe(413);
      expect(await response.json()).toEqual(JSON.parse(TOO_LARGE));
    }
  });
});
