import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startManagerServer, type ManagerServer, type ManagerServerOptions } from '../../src/server/index.js';

/** One request a stub server received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

export interface Stub {
  port: number;
  origin: string;
  received: Received[];
  close(): Promise<void>;
}

type StubHandler = (request: Received, response: http.ServerResponse) => void;

/** A tiny HTTP(S) server standing in for a license server; it records everything it receives. */
export async function startStub(handler: StubHandler, tls?: { cert: string; key: string }): Promise<Stub> {
  const received: Received[] = [];
  const listener = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        rawHeaders: request.rawHeaders,
        body: Buffer.concat(chunks),
      };
      received.push(entry);
      handler(entry, response);
    });
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(prefix = 'ld-manager-'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Starts a manager on a free port with its own temporary settings directory and an empty site. */
export async function startManager(options: ManagerServerOptions = {}): Promise<ManagerServer & { dataDir: string; cleanup(): Promise<void> }> {
  const data = await tempDir();
  const server = await startManagerServer({
    port: 0,
    dataDir: options.dataDir ?? data.path,
    siteDir: join(data.path, 'no-site'),
    ...options,
  });
  return Object.assign(server, {
    dataDir: options.dataDir ?? data.path,
    cleanup: async () => {
      await server.close();
      await data.remove();
    },
  });
}

/** Sends bytes exactly as given (no URL normalisation) and returns the raw answer. */
export function rawRequest(port: number, text: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks).toString('latin1');
      const split = answer.indexOf('\r\n\r\n');
      const head = split === -1 ? answer : answer.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? '' : answer.slice(split + 4) });
    });
    socket.write(text.includes('Connection:') ? text : text.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'));
  });
}

/** A plain GET over HTTPS trusting the given CA (fetch cannot take a CA in Node 20 without undici). */
export function httpsGet(url: string, ca: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
  });
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** PUT /manager-api/settings as the site does. */
export async function putSettings(base: string, body: unknown): Promise<Response> {
  return fetch(`${base}/manager-api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
