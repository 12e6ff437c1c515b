import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLicenseServerClient, ValidationError } from '../../src/index.js';
import { route, sendJson, startServer, type LocalServer, type RecordedRequest } from './local-server.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** 37 fixed bytes including 0x00, 0xFF and a byte sequence that is not valid UTF-8. */
const ACTIVATION_REQUEST = Uint8Array.from([
  0x00, 0xff, 0x4c, 0x44, 0x01, 0x00, 0x00, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x0d, 0x7b, 0x22, 0x7d, 0x80, 0x81, 0x00,
  0x41, 0x43, 0x54, 0x2d, 0x30, 0x30, 0x30, 0x31, 0xef, 0xbb, 0xbf, 0x02, 0x00, 0xe2, 0x82, 0xac, 0xff, 0x00,
]);

/** Splits a multipart body into its parts' headers and raw bytes. */
function multipartParts(req: RecordedRequest): { headers: string; bytes: Buffer }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '')!;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: { headers: string; bytes: Buffer }[] = [];
  let at = req.body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    const next = req.body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = req.body.subarray(start + 2, next - 2); // strip CRLF after delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    parts.push({ headers: part.subarray(0, split).toString('utf8'), bytes: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}

describe('binary bodies', () => {
  let server: LocalServer;
  let lastUpload: Buffer | undefined;

  beforeAll(async () => {
    server = await startServer((req, res) => {
      const path = route(req);
      if (path === '/activation_request') {
        const body = JSON.parse(req.body.toString()) as { activationId: string; count: number };
        if (body.count < 0) return sendJson(res, 400, { key: 'glsErr.invalidCount', message: 'Bad count', arguments: [String(body.count)] });
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': ACTIVATION_REQUEST.length });
        return res.end(Buffer.from(ACTIVATION_REQUEST));
      }
      if (path === '/capability_request') {
        // chunked, no Content-Length
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.write(Buffer.from(ACTIVATION_REQUEST.subarray(0, 10)));
        return res.end(Buffer.from(ACTIVATION_REQUEST.subarray(10)));
      }
      if (path === '/capability_response') {
        const type = req.headers['content-type'] ?? '';
        const bytes = type.startsWith('multipart/form-data') ? multipartParts(req)[0]!.bytes : req.body;
        lastUpload = Buffer.from(bytes);
        return sendJson(res, 200, { confirmationRequestNeeded: false, serverSha256: sha256(bytes), contentType: type });
      }
      if (path === '/rest_licensing_keys' && req.method === 'POST') {
        return sendJson(res, 200, { publicKey: req.body.toString('base64') });
      }
      if (path === '/rest_licensing_keys' && req.method === 'DELETE') return res.writeHead(410).end();
      if (path === '/rest_licensing_keys') return sendJson(res, 404, { key: 'glsErr.notFound', message: 'No key', arguments: [] });
      if (path === '/model' && req.method === 'PUT') {
        lastUpload = req.body;
        return sendJson(res, 200, { active: true, name: 'm1', size: req.body.length, contentType: req.headers['content-type'] });
      }
      if (path === '/model' && req.method === 'GET') {
        if (!lastUpload) return sendJson(res, 404, { key: 'glsErr.noModel', message: 'No model', arguments: [] });
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end(lastUpload);
      }
      res.writeHead(404).end();
    });
  });
  afterAll(() => server.close());

  it('returns the 37-byte activation request unchanged, SHA-256 identical (C23)', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const bytes = await client.offline.activationRequest({ activationId: 'ACT-0001', count: 2 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes).toHaveLength(37);
    expect(sha256(bytes)).toBe(sha256(ACTIVATION_REQUEST));
    const sent = server.requests.at(-1)!;
    expect(JSON.parse(sent.body.toString())).toEqual({ activationId: 'ACT-0001', count: 2 });
  });

  it('returns a chunked capability request unchanged (C23)', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const bytes = await client.offline.capabilityRequest();
    expect(sha256(bytes)).toBe(sha256(ACTIVATION_REQUEST));
  });

  it('throws a typed error, not garbage bytes, when the activation request is refused', async () => {
    const client = createLicenseServerClient({ server: server.url });
    await expect(client.offline.activationRequest({ activationId: 'ACT-0001', count: -1 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('uploads 1 KB of random bytes as application/octet-stream, hash identical on the server (C23)', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const random = new Uint8Array(randomBytes(1024));
    const expected = sha256(random);

    for (const input of [random, random.buffer.slice(0), new Blob([random])]) {
      const result = (await client.offline.uploadResponse(input)) as unknown as { serverSha256: string; contentType: string };
      expect(result.serverSha256).toBe(expected);
      expect(result.contentType).toBe('application/octet-stream');
    }
  });

  it('sends only the bytes of a Uint8Array view, not its whole buffer', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const backing = new Uint8Array(randomBytes(64));
    const view = backing.subarray(8, 40);
    const result = (await client.offline.uploadResponse(view)) as unknown as { serverSha256: string };
    expect(result.serverSha256).toBe(sha256(view));
  });

  it('passes FormData through untouched so the runtime sets the multipart boundary, part bytes identical (C24)', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const bytes = new Uint8Array(randomBytes(1024));
    const form = new FormData();
    form.append('file', new File([bytes], 'resp.bin'));

    const result = (await client.offline.uploadResponse(form)) as unknown as { serverSha256: string };

    const sent = server.requests.at(-1)!;
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const [part] = multipartParts(sent);
    expect(part!.headers).toContain('name="file"');
    expect(part!.headers).toContain('filename="resp.bin"');
    expect(sha256(part!.bytes)).toBe(sha256(bytes));
    expect(result.serverSha256).toBe(sha256(bytes));
  });

  it('builds the multipart form from { file } with the file name kept (C24)', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const bytes = new Uint8Array(randomBytes(300));
    await client.offline.uploadResponse({ file: new File([bytes], 'resp.bin') });
    const sent = server.requests.at(-1)!;
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const [part] = multipartParts(sent);
    expect(part!.headers).toContain('filename="resp.bin"');
    expect(Buffer.compare(part!.bytes, Buffer.from(bytes))).toBe(0);
  });

  it('uploads a public key as raw DER bytes and treats 410 on delete as success', async () => {
    const client = createLicenseServerClient({ server: server.url });
    const der = new Uint8Array(randomBytes(294));
    const key = await client.keys.upload(der);
    expect(Buffer.from(key.publicKey, 'base64').equals(Buffer.from(der))).toBe(true);
    expect(server.requests.at(-1)!.headers['content-type']).toBe('application/octet-stream');
    await expect(client.keys.delete()).resolves.toBeUndefined();
    await expect(client.keys.get()).resolves.toBeNull();
  });

  it('uploads a model as text/plain and reads it back exactly, or null when there is none', async () => {
    lastUpload = undefined;
    const client = createLicenseServerClient({ server: server.url });
    await expect(client.model.get()).resolves.toBeNull();
    const text = 'model "m1" {\n  partitions { partition "eng" { "Zoë Ω" 1.0 2 } }\n  on any() { use "default" accept }\n}\n';
    const status = (await client.model.upload(text)) as unknown as { size: number; contentType: string };
    expect(status.contentType).toBe('text/plain; charset=utf-8');
    expect(status.size).toBe(Buffer.byteLength(text));
    await expect(client.model.get()).resolves.toBe(text);
  });
});
