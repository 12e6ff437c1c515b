/**
 * Auth middleware: sends the bearer token, and recovers from an expired one.
 *
 * On a 401, when the client knows credentials, it logs in again (one shared login for every
 * call that is in flight at the time) and replays the call once, with the same body bytes,
 * from a copy taken before the call was sent. A second 401 is handed on as it is. Calls to
 * `authorize` are never given a token and never replayed, so a failed login sends exactly one
 * request.
 */
import type { Middleware } from 'openapi-fetch';
import { toNetworkError } from './network.js';

/** What the auth middleware needs from the client. */
export interface AuthHandle {
  /** The current token, if any. */
  token(): Promise<string | null>;
  /** Logs in first when credentials are configured but there is no token yet. */
  ensureSession(): Promise<void>;
  /** True when a failed call may be retried after logging in again. */
  canReauthenticate(): boolean;
  /**
   * Logs in again, shared by every caller, unless the token has already changed since
   * `staleToken` was sent. Rejects when the login fails.
   */
  reauthenticate(staleToken: string | null): Promise<void>;
}

/** Operations that need no token. */
const PUBLIC_PATHS = ['/health', '/authorize', '/request'];

function isAuthorize(schemaPath: string): boolean {
  return schemaPath.endsWith('/authorize');
}

function isPublic(schemaPath: string): boolean {
  return PUBLIC_PATHS.some((p) => schemaPath.endsWith(p));
}

interface SentCall {
  /** An unsent copy of the request, for the replay. */
  copy: Request;
  /** The token it was sent with (null when none). */
  token: string | null;
}

/** Creates the auth middleware. */
export function authMiddleware(auth: AuthHandle): Middleware {
  const sent = new WeakMap<Request, SentCall>();

  return {
    async onRequest({ request, schemaPath }) {
      if (isAuthorize(schemaPath)) return undefined;
      // A caller that sets its own Authorization header manages auth itself.
      if (request.headers.has('Authorization')) return undefined;
      if (!isPublic(schemaPath)) await auth.ensureSession();
      const token = await auth.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      // Copy before sending: the body stream can be read only once, and a replay must send
      // the very same bytes.
      sent.set(request, { copy: request.clone(), token });
      return undefined;
    },

    async onResponse({ request, response, options }) {
      if (response.status !== 401) return undefined;
      const call = sent.get(request);
      if (!call || !auth.canReauthenticate()) return undefined;
      sent.delete(request);

      await auth.reauthenticate(call.token);
      const token = await auth.token();
      const replay = call.copy;
      if (token) replay.headers.set('Authorization', `Bearer ${token}`);
      else replay.headers.delete('Authorization');
      // Let the connection go: the 401's body is not needed.
      await response.body?.cancel().catch(() => undefined);
      try {
        return await options.fetch(replay);
      } catch (error) {
        throw toNetworkError(error, replay);
      }
    },
  };
}
