import createClient from 'openapi-fetch';
import { UnauthorizedError, createLicenseServerError } from '../errors/errors.js';
import { anySignal, fetchTrustingCa, type FetchFunction } from '../internal/fetch.js';
import { authMiddleware, errorsMiddleware, networkMiddleware, type AuthHandle } from '../middleware/index.js';
import type { InstancePaths } from '../types.js';
import { parseServerAddress } from '../url.js';
import type { RawClient, ResourceContext } from './context.js';
import { DevicesResource } from './resources/devices.js';
import { FeaturesResource } from './resources/features.js';
import { HealthResource } from './resources/health.js';
import { HostIdsResource } from './resources/hostids.js';
import { KeysResource } from './resources/keys.js';
import { LicensingResource } from './resources/licensing.js';
import { ModelResource } from './resources/model.js';
import { OfflineResource } from './resources/offline.js';
import { PoolsResource } from './resources/pools.js';
import { ReservationsResource } from './resources/reservations.js';
import { SettingsResource } from './resources/settings.js';
import { UsersResource } from './resources/users.js';
import { memoryTokenStore, sessionFromToken, type Credentials, type Session, type TokenStore } from './session.js';

/** Options of {@link createLicenseServerClient}. */
export interface LicenseServerClientOptions {
  /**
   * The server: an origin such as `http://licsrv:7070` (trailing slash or not), or a URL that
   * already ends in `/api/1.0/instances/<id>`. A reverse-proxy path prefix is kept.
   */
  server: string | URL;
  /** Instance id: `~` for a local server (default), the instance id of a cloud server. Wins over one in `server`. */
  instanceId?: string;
  /** User and password: the client logs in on first use and again when the token expires. */
  credentials?: Credentials;
  /** Where the token is kept (default: in memory). */
  tokenStore?: TokenStore;
  /** The `fetch` to use (default: the global one, looked up at call time). */
  fetch?: FetchFunction;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Cancels every call of this client when aborted. */
  signal?: AbortSignal;
  /**
   * Node only: CA certificate(s) in PEM that the server's TLS certificate must chain to, for a
   * self-signed or private certificate. TLS verification is never turned off. Needs the
   * optional dependency `undici`.
   */
  ca?: string | string[];
  /** Records per page when iterating lists (default 100). */
  pageSize?: number;
}

type SessionListener = (session: Session | null) => void;

/**
 * A client for one FlexNet Embedded license server instance. Resource helpers (`features`,
 * `devices`, ...) return data and throw typed errors; `raw` is openapi-fetch's client with the
 * same middleware, returning `{ data, error, response }`.
 */
export class LicenseServerClient {
  /** The API base every path is joined to: `…/api/1.0/instances/<instanceId>`. */
  readonly baseUrl: string;
  /** The instance id in use. */
  readonly instanceId: string;
  /** openapi-fetch's typed client over instance-relative paths (`/features`), with auth and error middleware. */
  readonly raw: RawClient;

  readonly health: HealthResource;
  readonly features: FeaturesResource;
  readonly devices: DevicesResource;
  readonly hostids: HostIdsResource;
  readonly settings: SettingsResource;
  readonly users: UsersResource;
  readonly reservations: ReservationsResource;
  readonly pools: PoolsResource;
  readonly model: ModelResource;
  readonly offline: OfflineResource;
  readonly keys: KeysResource;
  readonly licensing: LicensingResource;

  readonly #store: TokenStore;
  #credentials: Credentials | null;
  #session: Session | null = null;
  #login: Promise<void> | null = null;
  readonly #listeners = new Set<SessionListener>();

  constructor(options: LicenseServerClientOptions) {
    const address = parseServerAddress(String(options.server), options.instanceId);
    if (!address.ok) throw new TypeError(`${address.reason} ${address.hint}`);
    this.baseUrl = address.baseUrl;
    this.instanceId = address.instanceId;
    this.#store = options.tokenStore ?? memoryTokenStore();
    this.#credentials = options.credentials ?? null;

    const stored = this.#store.get();
    if (typeof stored === 'string' && stored !== '') this.#session = sessionFromToken(stored);

    let fetchFn: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    if (options.ca !== undefined) fetchFn = fetchTrustingCa(options.ca, fetchFn);
    const clientSignal = options.signal;
    const baseFetch = fetchFn;
    if (clientSignal) {
      fetchFn = (input, init) => baseFetch(input, { ...init, signal: anySignal([input.signal, init?.signal, clientSignal]) });
    }

    this.raw = createClient<InstancePaths>({
      baseUrl: this.baseUrl,
      fetch: fetchFn,
      ...(options.headers ? { headers: options.headers } : {}),
    });
    this.raw.use(networkMiddleware(), errorsMiddleware(), authMiddleware(this.#authHandle()));

    const ctx: ResourceContext = { raw: this.raw, pageSize: options.pageSize };
    this.health = new HealthResource(ctx);
    this.features = new FeaturesResource(ctx);
    this.devices = new DevicesResource(ctx);
    this.hostids = new HostIdsResource(ctx);
    this.settings = new SettingsResource(ctx);
    this.users = new UsersResource(ctx);
    this.reservations = new ReservationsResource(ctx);
    this.pools = new PoolsResource(ctx);
    this.model = new ModelResource(ctx);
    this.offline = new OfflineResource(ctx);
    this.keys = new KeysResource(ctx);
    this.licensing = new LicensingResource(ctx);
  }

  /** Who is logged in (user, roles, expiry, whether the password must change), or null. */
  get session(): Session | null {
    return this.#session;
  }

  /**
   * Logs in with user name and password: sends exactly one `authorize` request, keeps the
   * token in the token store and the credentials in memory (to log in again when the token
   * expires). Throws UnauthorizedError (`key` `glsErr.userAuthFailed`) when they are rejected.
   */
  async login(user: string, password: string): Promise<Session> {
    const result = await this.raw.POST('/authorize', { body: { user, password } });
    if (!result.response.ok || !result.data) {
      throw createLicenseServerError({
        status: result.response.ok ? 502 : result.response.status,
        body: result.error,
        headers: result.response.headers,
        url: result.response.url || undefined,
      });
    }
    const data = result.data;
    await this.#store.set(data.token);
    this.#credentials = { user, password };
    const session = sessionFromToken(data.token, {
      user,
      expires: data.expires,
      passwordChangeRequired: data.passwordChangeRequired ?? false,
    });
    this.#setSession(session);
    return session;
  }

  /** Forgets the token and the credentials. The server keeps no session, so nothing is sent. */
  async logout(): Promise<void> {
    this.#credentials = null;
    await this.#store.clear();
    this.#setSession(null);
  }

  /**
   * Changes the logged-in user's own password (the forced change at first login included),
   * then logs in with the new one so the session no longer demands a change.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<Session> {
    const user = this.#session?.user || this.#credentials?.user;
    if (!user) throw new Error('Log in before changing the password.');
    await this.users.changePassword(user, { currentPassword, newPassword });
    return this.login(user, newPassword);
  }

  /** Calls `listener` whenever the session changes (login, re-login, logout, rejected re-login). */
  onSessionChange(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #setSession(session: Session | null): void {
    this.#session = session;
    for (const listener of this.#listeners) listener(session);
  }

  async #currentToken(): Promise<string | null> {
    const token = (await this.#store.get()) || null;
    if (token === null) {
      if (this.#session) this.#setSession(null);
    } else if (this.#session?.token !== token) {
      this.#setSession(sessionFromToken(token));
    }
    return token;
  }

  #sharedLogin(): Promise<void> {
    const credentials = this.#credentials;
    if (!credentials) return Promise.resolve();
    this.#login ??= this.login(credentials.user, credentials.password)
      .then(() => undefined)
      .catch(async (error: unknown) => {
        if (error instanceof UnauthorizedError) {
          // Rejected credentials: stop logging in automatically rather than lock the account.
          this.#credentials = null;
          await this.#store.clear();
          this.#setSession(null);
        }
        throw error;
      })
      .finally(() => {
        this.#login = null;
      });
    return this.#login;
  }

  #authHandle(): AuthHandle {
    return {
      token: () => this.#currentToken(),
      ensureSession: async () => {
        if (this.#login) return this.#login;
        if (this.#credentials && !(await this.#currentToken())) await this.#sharedLogin();
      },
      canReauthenticate: () => this.#credentials !== null,
      reauthenticate: async (staleToken) => {
        if (this.#login) return this.#login;
        const current = await this.#currentToken();
        if (current !== null && current !== staleToken) return;
        await this.#sharedLogin();
      },
    };
  }
}

/** Creates a client for one license server instance. */
export function createLicenseServerClient(options: LicenseServerClientOptions): LicenseServerClient {
  return new LicenseServerClient(options);
}
