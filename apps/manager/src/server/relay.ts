import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ManagerError } from './errors.js';
import type { SettingsStore } from './settings.js';
import { describeUpstreamError, type Upstream } from './upstream.js';

/** The only prefix the relay forwards. */
export const RELAY_PREFIX = '/api/1.0/';
const MAX_TARGET_LENGTH = 8192;

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus ones the relay sets itself. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);
/**
 * Request headers that belong to the browser's relationship with the manager: the license
 * server gets its own Host, and the manager's origin, cookies and referrer are not its business
 * (a license server with CORS checks would otherwise reject the relayed call).
 */
const REQUEST_ONLY = new Set(['host', 'expect', 'origin', 'referer', 'cookie']);

/**
 * Checks a request target for the relay and returns the path and query to send to the license
 * server. Only origin-form targets under /api/1.0/ pass; dot segments, empty segments, encoded
 * slashes or backslashes, `@`, control characters and absolute or authority forms are refused,
 * so the relay can only ever reach the configured server's API.
 */
export function checkRelayTarget(target: string): string {
  const refuse = (reason: string): never => {
    throw new ManagerError(
      400,
      'ldErr.invalidRelayPath',
      `The manager only relays license server API paths under ${RELAY_PREFIX}: ${reason}.`,
      [target.slice(0, 200)],
    );
  };
  if (target.length > MAX_TARGET_LENGTH) refuse('the path is too long');
  if (!target.startsWith('/') || target.startsWith('//')) refuse('not a path on this server');
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? '' : target.slice(queryStart);

  if (!path.startsWith(RELAY_PREFIX)) refuse(`the path does not start with ${RELAY_PREFIX}`);
  if (/[\u0000-\u0020\u007f-\uffff\\@#]/.test(path)) refuse('the path contains characters that are not allowed');
  if (/[\u0000-\u0020\u007f-\uffff#]/.test(query)) refuse('the query contains characters that are not allowed');

  const segments = path.slice(RELAY_PREFIX.length).split('/');
  segments.forEach((segment, index) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse('the path has a malformed %-escape');
    }
    if (segment === '' && index !== segments.length - 1) refuse('the path has an empty segment');
    if (decoded === '.' || decoded === '..') refuse('the path has a dot segment');
    if (/[/\\\u0000]/.test(decoded)) refuse('the path has an encoded slash, backslash or NUL');
  });
  if (segments[0] === '') refuse('the path names no resource');
  return path + query;
}

function requestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const connectionTokens = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (HOP_BY_HOP.has(name) || REQUEST_ONLY.has(name) || connectionTokens.has(name)) continue;
    out[name] = value;
  }
  return out;
}

function responseHeaders(response: IncomingMessage): Record<string, string | string[]> {
  const connectionTokens = new Set(
    String(response.headers.connection ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    if (HOP_BY_HOP.has(name) || connectionTokens.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/** Errors of a connection the license server closed: the answer it sent before may still be there to read. */
const CLOSED_BY_PEER = new Set(['EPIPE', 'ECONNRESET']);
const tolerantSockets = new WeakSet<Socket>();

type WriteCallback = (error?: Error | null) => void;

/**
 * A license server may answer (for example 413 to a body that is too large) and close the
 * connection while the request body is still being sent. Node then fails the next write with
 * EPIPE or ECONNRESET and destroys the socket before the answer waiting in it has been read, so
 * the browser would get "unreachable" instead of the server's answer. On sockets that carry a
 * request body, such a write error is swallowed (the rest of the body is discarded) and the
 * socket keeps reading: the answer arrives as the request's 'response', and if there is none the
 * read side reports the reset or the hang-up as usual.
 */
function keepReadingAfterWriteError(socket: Socket): void {
  if (tolerantSockets.has(socket)) return;
  tolerantSockets.add(socket);
  const target = socket as unknown as {
    _write(chunk: unknown, encoding: BufferEncoding, callback: WriteCallback): void;
    _writev?(chunks: unknown[], callback: WriteCallback): void;
  };
  let failed = false;
  const wrap =
    (callback: WriteCallback): WriteCallback =>
    (error) => {
      if (error && CLOSED_BY_PEER.has((error as NodeJS.ErrnoException).code ?? '')) {
        failed = true;
        callback();
        return;
      }
      callback(error);
    };
  const write = target._write.bind(socket);
  target._write = (chunk, encoding, callback) => (failed ? callback() : write(chunk, encoding, wrap(callback)));
  if (target._writev) {
    const writev = target._writev.bind(socket);
    target._writev = (chunks, callback) => (failed ? callback() : writev(chunks, wrap(callback)));
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Registers the relay: every request under /api/1.0/ goes to exactly the configured license
 * server, with method, path, query, headers and body bytes unchanged, and the answer streams back.
 */
export async function registerRelay(app: FastifyInstance, store: SettingsStore, upstream: Upstream): Promise<void> {
  await app.register(async (scope) => {
    // Bodies are streamed through untouched: no JSON parsing, no size limit of our own.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.route({
      method: [...METHODS],
      url: '/api/*',
      // The relay passes bytes and encodings through exactly as the license server sent them.
      compress: false,
      decompress: false,
      handler: (request, reply) => relay(request, reply, store, upstream),
    } as Parameters<FastifyInstance['route']>[0]);
  });
}

function relay(request: FastifyRequest, reply: FastifyReply, store: SettingsStore, upstream: Upstream): Promise<FastifyReply> {
  const path = checkRelayTarget(request.raw.url ?? '');
  const settings = store.get();
  const body = request.body as Readable | undefined;
  const headers = requestHeaders(request.headers);

  return new Promise<FastifyReply>((resolve) => {
    const send = (attempt: number): void => {
      const outgoing = upstream.request(settings, request.method, path, headers);
      let answered = false;

      // If the browser goes away, stop talking to the license server too.
      const onClientGone = () => {
        if (!reply.raw.writableFinished) outgoing.destroy();
      };
      reply.raw.once('close', onClientGone);

      outgoing.once('response', (response) => {
        answered = true;
        reply.code(response.statusCode ?? 502);
        reply.headers(responseHeaders(response));
        response.once('error', () => reply.raw.destroy());
        resolve(reply.send(response));
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (answered || reply.sent) {
          // The answer is on its way (or sent): a failure on the request side (the server closed
          // before the whole body was sent) does not concern it; a broken answer shows as an
          // error on the response stream itself.
          body?.unpipe?.(outgoing);
          body?.resume?.();
          resolve(reply);
          return;
        }
        // A kept-alive connection the license server had just closed: a request without a body
        // can safely go again once on a fresh connection.
        if (!body && attempt === 0 && outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
          reply.raw.off('close', onClientGone);
          send(1);
          return;
        }
        body?.unpipe?.(outgoing);
        body?.resume?.();
        const failure = describeUpstreamError(error, settings);
        request.log.warn({ err: error }, failure.body.message);
        resolve(reply.code(failure.status).type('application/json; charset=utf-8').send(failure.body));
      });

      if (body && typeof body.pipe === 'function') {
        outgoing.once('socket', keepReadingAfterWriteError);
        // Once the exchange is over, whatever the browser still sends is read and discarded, so
        // that it gets the answer instead of a stalled upload.
        outgoing.once('close', () => {
          if (outgoing.writableFinished) return;
          body.unpipe(outgoing);
          body.resume();
        });
        body.once('error', (error) => outgoing.destroy(error));
        body.pipe(outgoing);
      } else {
        outgoing.end();
      }
    };
    send(0);
  });
}
