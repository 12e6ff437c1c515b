import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { errorBody, type ManagerErrorBody } from './errors.js';
import { licenseServerOrigin, type ManagerSettings } from './settings.js';

/** How the manager reaches the license server. */
export interface UpstreamOptions {
  /** Extra trusted CA certificate(s), PEM, for an HTTPS license server with a private or self-signed certificate. */
  ca?: string | undefined;
  /** How long to wait for the TCP/TLS connection (ms). */
  connectTimeoutMs?: number;
  /** How long the connection may stay silent while waiting for or streaming the answer (ms). */
  idleTimeoutMs?: number;
}

/** Connection pools and request helper for the configured license server. */
export class Upstream {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly connectTimeoutMs: number;
  private readonly idleTimeoutMs: number;

  constructor(options: UpstreamOptions = {}) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 120_000;
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    // Verification always stays on: a private CA is added to the public roots, never replaces checking.
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets: 32,
      ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
    });
  }

  /**
   * Starts a request to `path` (which must already be checked) on the license server the
   * settings name. Errors surface as the request's 'error' event, classified by describeUpstreamError.
   */
  request(settings: ManagerSettings, method: string, path: string, headers: http.OutgoingHttpHeaders): http.ClientRequest {
    const options: http.RequestOptions = {
      method,
      host: settings.licenseServerHost,
      port: settings.licenseServerPort,
      path,
      headers,
      agent: settings.useHttps ? this.httpsAgent : this.httpAgent,
      timeout: this.idleTimeoutMs,
    };
    const request = settings.useHttps ? https.request(options) : http.request(options);
    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => {
        request.destroy(Object.assign(new Error('connection timed out'), { code: 'ETIMEDOUT' }));
      }, this.connectTimeoutMs);
      timer.unref();
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    // A failed exchange (for example an answer that is not HTTP) must not leave its socket open.
    request.on('error', () => {
      request.destroy();
      request.socket?.destroy();
    });
    request.on('timeout', () => {
      request.destroy(
        Object.assign(new Error(`no answer within ${Math.round(this.idleTimeoutMs / 1000)} s`), { code: 'LD_IDLE_TIMEOUT' }),
      );
    });
    return request;
  }

  /** Closes idle connections. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** The manager's classification of a failed request to the license server. */
export interface UpstreamFailure {
  status: number;
  kind: 'unreachable' | 'tls' | 'not-http' | 'timeout';
  cause: string;
  body: ManagerErrorBody;
}

const UNREACHABLE_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the license server running, and is this its port?)',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed (temporary DNS failure)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
};

const CERTIFICATE_CAUSES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server presents a self-signed certificate that is not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate chain ends in a self-signed CA that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate could not be verified (unknown issuer)',
  UNABLE_TO_GET_ISSUER_CERT: 'the server certificate could not be verified (unknown issuer)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server certificate could not be verified (unknown issuer)',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not name this host',
};

const CA_HINT = ' If the server uses a private or self-signed certificate, start the manager with --license-server-ca FILE (its CA certificate, PEM).';

/** Turns a request error into the status and body the manager answers with. */
export function describeUpstreamError(error: unknown, settings: ManagerSettings): UpstreamFailure {
  const url = licenseServerOrigin(settings);
  const err = error as NodeJS.ErrnoException & { reason?: string };
  const code = err?.code ?? '';
  const text = err?.message ?? String(error);

  if (code in CERTIFICATE_CAUSES || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code === 'EPROTO' || /certificate|SSL routines|TLS/i.test(text)) {
    let cause = CERTIFICATE_CAUSES[code] ?? text;
    let hint = CA_HINT;
    if (/wrong version number|packet length too long|unknown protocol/i.test(text)) {
      cause = 'the server did not answer with TLS';
      hint = ' Is HTTPS enabled on the license server? If not, set Connect Using HTTPS to No.';
    }
    const message = `TLS connection to the license server at ${url} failed: ${cause}${code ? ` (${code})` : ''}.${hint}`;
    return { status: 502, kind: 'tls', cause, body: errorBody('ldErr.serverTlsError', message, [url]) };
  }
  if (code.startsWith('HPE_')) {
    const cause = `the port answered, but not with HTTP (${code})`;
    return {
      status: 502,
      kind: 'not-http',
      cause,
      body: errorBody('ldErr.notLicenseServer', `The server at ${url} is not a FlexNet Embedded license server: ${cause}.`, [url]),
    };
  }
  if (code === 'LD_IDLE_TIMEOUT') {
    return {
      status: 504,
      kind: 'timeout',
      cause: text,
      body: errorBody('ldErr.serverTimeout', `License server at ${url} did not answer: ${text}.`, [url]),
    };
  }
  const cause = UNREACHABLE_CAUSES[code] ? `${UNREACHABLE_CAUSES[code]} (${code})` : text || 'unknown error';
  return {
    status: 502,
    kind: 'unreachable',
    cause,
    body: errorBody('ldErr.serverUnreachable', `License server at ${url} is unreachable: ${cause}`, [url]),
  };
}
