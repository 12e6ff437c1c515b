/** A tiny local HTTP server for tests: real sockets, no mocked globals. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => unknown;

export interface LocalServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a server on a free loopback port; every request is recorded with its body bytes. */
export async function startServer(handler: Handler, create: (h: (req: IncomingMessage, res: ServerResponse) => void) => Server = createServer): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  const server = create((req, res) => {
    void (async () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: await readBody(req),
      };
      requests.push(recorded);
      try {
        await handler(recorded, res);
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = 'setSecureContext' in server ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The path without the instance prefix and query: `/api/1.0/instances/~/features?x` -> `/features`. */
export function route(req: RecordedRequest): string {
  return req.path.split('?')[0]!.replace(/^\/api\/1\.0\/instances\/[^/]+/, '');
}

/** Query parameters of a recorded request. */
export function query(req: RecordedRequest): URLSearchParams {
  return new URL(req.path, 'http://x').searchParams;
}

/** A JWT-shaped token (unsigned) with the given claims. */
export function makeToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'HS512' })}.${part(claims)}.c2lnbmF0dXJl`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
