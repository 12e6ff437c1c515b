/**
 * The SDK client of the site. It talks to the manager's own origin: the manager relays
 * `/api/1.0/**` to the license server named in Settings, so the browser never needs CORS or the
 * license server's address. The token lives in sessionStorage (one browser tab, gone when it closes).
 */
import { ConnectionError, createLicenseServerClient, type LicenseServerClient, type TokenStore } from '@licensedesk/sdk';

const TOKEN_KEY = 'licensedesk.manager.token';
const TOKEN_SERVER_KEY = 'licensedesk.manager.token-server';

/** The license server the tab's token was issued for (as Settings named it then). */
export function tokenServer(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_SERVER_KEY);
  } catch {
    return null;
  }
}

/** Records which license server the tab's token belongs to. */
export function setTokenServer(server: string): void {
  try {
    sessionStorage.setItem(TOKEN_SERVER_KEY, server);
  } catch {
    /* storage blocked */
  }
}

/** Keeps the bearer token in sessionStorage; falls back to memory where storage is blocked. */
export function sessionTokenStore(key = TOKEN_KEY): TokenStore {
  let memory: string | null = null;
  return {
    get: () => {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return memory;
      }
    },
    set: (token) => {
      memory = token;
      try {
        sessionStorage.setItem(key, token);
      } catch {
        /* storage blocked: memory only */
      }
    },
    clear: () => {
      memory = null;
      try {
        sessionStorage.removeItem(key);
      } catch {
        /* storage blocked */
      }
    },
  };
}

/** Relay answers meaning "nothing answered at the license server's address". */
const UNREACHABLE_KEYS = new Set(['ldErr.serverUnreachable', 'ldErr.serverTimeout']);

/**
 * Answers fetched ahead of time for the first view (see `prefetchFirstView`), by request key.
 * The first identical request (method, URL and Authorization) within a few seconds takes it.
 */
const early = new Map<string, { at: number; response: Promise<Response> }>();
const EARLY_TTL_MS = 5000;

function requestKey(request: Request): string {
  return `${request.method} ${request.url} ${request.headers.get('authorization') ?? ''}`;
}

function takeEarly(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET' || early.size === 0) return undefined;
  const key = requestKey(request);
  const entry = early.get(key);
  if (!entry) return undefined;
  early.delete(key);
  return Date.now() - entry.at <= EARLY_TTL_MS ? entry.response : undefined;
}

/**
 * fetch for the relay: the manager answers 502/504 `ldErr.serverUnreachable` when the license
 * server does not answer. That becomes the SDK's ConnectionError with the license server's
 * address (not the manager's), so every element shows "License server unreachable" with it.
 */
async function relayFetch(input: Request, init?: RequestInit): Promise<Response> {
  const response = await (takeEarly(input)?.catch(() => fetch(input, init)) ?? fetch(input, init));
  if ((response.status === 502 || response.status === 504) && /json/i.test(response.headers.get('content-type') ?? '')) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { key?: string; message?: string; arguments?: unknown[] } | null;
    if (body?.key && UNREACHABLE_KEYS.has(body.key)) {
      const url = typeof body.arguments?.[0] === 'string' ? body.arguments[0] : input.url;
      throw new ConnectionError({ url, message: body.message ?? `Could not reach the license server at ${url}.` });
    }
  }
  return response;
}

/**
 * Starts the first view's data request before the rest of the site's code has even been evaluated:
 * `path` is the instance-relative request the view's element makes first (`/health`), sent exactly
 * as the SDK would send it (same URL, same bearer token), and the element's identical request then
 * gets this answer instead of waiting for a second round trip. A path that does not match what the
 * element asks for costs one request and nothing else.
 */
export function prefetchFirstView(path: string, origin = location.origin): void {
  const url = new Request(`${origin}/api/1.0/instances/~${path}`).url;
  const token = sessionTokenStore().get();
  const authorization = token ? `Bearer ${token}` : '';
  const response = fetch(url, { headers: { accept: 'application/json', ...(authorization ? { authorization } : {}) } });
  response.catch(() => undefined);
  early.set(`GET ${url} ${authorization}`, { at: Date.now(), response });
}

/** Creates the client for the manager's relay, sharing the tab's token. */
export function createManagerClient(origin = location.origin): LicenseServerClient {
  return createLicenseServerClient({ server: origin, tokenStore: sessionTokenStore(), fetch: relayFetch });
}

/**
 * Whether the license server wants credentials for reads: an unauthenticated read answers 401.
 * Unreachable or any other answer counts as "no" (the view then says what is wrong).
 */
export async function requiresCredentials(origin = location.origin): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/api/1.0/instances/~/features?pageSize=1&pageNumber=1`, {
      headers: { accept: 'application/json' },
    });
    // Read to the end (it is one short record or error): cancelling the body showed as an aborted request.
    await response.arrayBuffer().catch(() => undefined);
    return response.status === 401;
  } catch {
    return false;
  }
}
