/**
 * Network middleware: turns a failed `fetch` (nothing came back) into a {@link ConnectionError}
 * naming the address tried, or an {@link AbortError} when the call was cancelled.
 */
import type { Middleware } from 'openapi-fetch';
import { AbortError, ConnectionError, LicenseDeskError } from '../errors/errors.js';

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

function errorCode(error: unknown): string | undefined {
  // Node's fetch puts the socket error under `cause`; look a few levels down.
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(code: string | undefined): string {
  if (!code) return '';
  if (code === 'ECONNREFUSED') return ': connection refused (is the server running, and on that port?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return ': host name not found';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return ': connection timed out';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return ': connection closed by the server';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return ': host unreachable';
  if (TLS_TRUST_CODES.has(code)) {
    return `: the server's TLS certificate is not trusted (${code}); pass its CA certificate as the \`ca\` option`;
  }
  if (code === 'CERT_HAS_EXPIRED') return ": the server's TLS certificate has expired";
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return ": the server's TLS certificate is for another host name";
  if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return ': TLS handshake failed (does the server speak http rather than https on that port?)';
  }
  return ` (${code})`;
}

function isAbort(error: unknown, signal: AbortSignal | null | undefined): boolean {
  if (signal?.aborted) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/**
 * Maps what `fetch` threw to the SDK's errors. SDK errors pass through; other errors that are
 * not network failures (a bug in a custom `fetch`) pass through unchanged too.
 */
export function toNetworkError(error: unknown, request: Request): unknown {
  if (error instanceof LicenseDeskError) return error;
  if (isAbort(error, request.signal)) {
    return new AbortError({ url: request.url, cause: request.signal?.aborted ? request.signal.reason : error });
  }
  const code = errorCode(error);
  if (error instanceof TypeError || code !== undefined) {
    return new ConnectionError({
      url: request.url,
      cause: error,
      message: `Could not reach the license server at ${request.url}${describe(code)}.`,
    });
  }
  return error;
}

/** Creates the network middleware. */
export function networkMiddleware(): Middleware {
  return {
    onError({ error, request }) {
      const mapped = toNetworkError(error, request);
      return mapped instanceof Error ? mapped : new ConnectionError({ url: request.url, cause: mapped });
    },
  };
}
