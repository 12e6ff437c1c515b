import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  ForbiddenError,
  TooManyRequestsError,
  UnauthorizedError,
  createLicenseServerClient,
  decodeToken,
  memoryTokenStore,
  type Session,
  type TokenStore,
} from '../../src/index.js';
import { makeToken, route, sendJson, sleep, startServer, type LocalServer, type RecordedRequest } from './local-server.js';

/**
 * A license server stand-in that issues short-lived tokens and answers 401 to expired ones.
 * `password` can be changed to make a later login fail.
 */
function authServer(options: { ttlMs: number; delayMs?: number }) {
  const state = { password: 'Secret!1', tokens: new Map<string, number>(), issued: 0 };
  const handler = async (req: RecordedRequest, res: ServerResponse) => {
    const path = route(req);
    if (path === '/authorize') {
      const body = JSON.parse(req.body.toString('utf8')) as { user: string; password: string };
      if (body.password !== state.password) {
        sendJson(res, 401, {
          key: 'glsErr.userAuthFailed',
          message: 'Bad credentials',
          arguments: ['/api/1.0/instances/~/authorize', body.user],
        });
        return;
      }
      state.issued += 1;
      const exp = Date.now() + options.ttlMs;
      const token = makeToken({ sub: body.user, roles: 'ROLE_ADMIN,ROLE_READ', exp: Math.floor(exp / 1000), n: state.issued });
      state.tokens.set(token, exp);
      sendJson(res, 200, { token, expires: new Date(exp).toISOString(), passwordChangeRequired: false });
      return;
    }
    if (options.delayMs) await sleep(options.delayMs);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const expiry = token ? state.tokens.get(token) : undefined;
    if (expiry === undefined || expiry < Date.now()) {
      sendJson(res, 401, { key: 'glsErr.unauthorized', message: 'Full authentication is required', arguments: [] });
      return;
    }
    if (path === '/always-401') {
      sendJson(res, 401, { key: 'glsErr.unauthorized', message: 'No', arguments: [] });
      return;
    }
    if (req.method === 'POST') {
      sendJson(res, 201, [{ id: 1, name: 'lab', reservations: [] }]);
      return;
    }
    sendJson(res, 200, [], { 'X-Total-Count': '0' });
  };
  return { state, handler };
}

const servers: LocalServer[] = [];
async function start(...args: Parameters<typeof startServer>): Promise<LocalServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const authorizeCalls = (server: LocalServer) => server.requests.filter((r) => route(r) === '/authorize');

describe('login', () => {
  it('sends exactly one request and throws UnauthorizedError with key glsErr.userAuthFailed when the password is wrong (C20)', async () => {
    const { handler } = authServer({ ttlMs: 60_000 });
    const server = await start(handler);
    const client = createLicenseServerClient({ server: server.url });

    const error = await client.login('admin', 'wrong').catch((e: unknown) => e);

    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as UnauthorizedError).key).toBe('glsErr.userAuthFailed');
    expect((error as UnauthorizedError).arguments).toEqual(['/api/1.0/instances/~/authorize', 'admin']);
    expect(client.session).toBeNull();
  });

  it('does not log in again when configured credentials are rejected on first use (C20)', async () => {
    const { handler } = authServer({ ttlMs: 60_000 });
    const server = await start(handler);
    const client = createLicenseServerClient({ server: server.url, credentials: { user: 'admin', password: 'wrong' } });

    await expect(client.features.list().all()).rejects.toMatchObject({ key: 'glsErr.userAuthFailed' });
    await expect(client.features.list().all()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(authorizeCalls(server)).toHaveLength(1);
  });

  it('reads the session from the token and sends it as a bearer token', async () => {
    const { handler } = authServer({ ttlMs: 60_000 });
    const server = await start(handler);
    const client = createLicenseServerClient({ server: server.url });
    const changes: (Session | null)[] = [];
    client.onSessionChange((s) => changes.push(s));

    const session = await client.login('admin', 'Secret!1');

    expect(session.user).toBe('admin');
    expect(session.roles).toEqual(['ROLE_ADMIN', 'ROLE_READ']);
    expect(session.passwordChangeRequired).toBe(false);
    expect(session.expires).toBeInstanceOf(Date);
    expect(client.session).toEqual(session);
    expect(decodeToken(session.token)?.sub).toBe('admin');

    await client.features.list().all();
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${session.token}`);

    await client.logout();
    expect(client.session).toBeNull();
    expect(changes.map((s) => s?.user ?? null)).toEqual(['admin', null]);
  });

  it('maps 429 on login to TooManyRequestsError with retryAfter', async () => {
    const server = await start((_req, res) =>
      sendJson(res, 429, { key: 'glsErr.tooManyAttempts', message: 'Too many attempts', arguments: [] }, { 'Retry-After': '30' }),
    );
    const client = createLicenseServerClient({ server: server.url });
    const error = await client.login('admin', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfter).toBe(30);
    expect(server.requests).toHaveLength(1);
  });

  it('logs in on first use when credentials are configured', async () => {
    const { handler } = authServer({ ttlMs: 60_000 });
    const server = await start(handler);
    const client = createLicenseServerClient({ server: server.url, credentials: { user: 'admin', password: 'Secret!1' } });

    await Promise.all([client.features.list().all(), client.devices.list().all(), client.reservations.list().all()]);

    expect(authorizeCalls(server)).toHaveLength(1);
    expect(server.requests.filter((r) => r.headers.authorization?.startsWith('Bearer '))).toHaveLength(3);
    expect(client.session?.user).toBe('admin');
  });

  it('sends no login before health, which needs no token', async () => {
    const server = await start((_req, res) => sendJson(res, 200, { LLS: { version: '2025.05.0' } }));
    const client = createLicenseServerClient({ server: server.url, credentials: { user: 'admin', password: 'x' } });
    await client.health.get();
    expect(server.requests.map(route)).toEqual(['/health']);
  });

  it('keeps the token in a pluggable asynchronous store', async () => {
    const { handler } = authServer({ ttlMs: 60_000 });
    const server = await start(handler);
    const saved: { token?: string } = {};
    const store: TokenStore = {
      get: async () => saved.token ?? null,
      set: async (token) => {
        saved.token = token;
      },
      clear: async () => {
        delete saved.token;
      },
    };
    const first = createLicenseServerClient({ server: server.url, tokenStore: store });
    await first.login('admin', 'Secret!1');
    expect(saved.token).toBeDefined();

    const second = createLicenseServerClient({ server: server.url, tokenStore: store });
    await second.features.list().all();
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${saved.token}`);
    expect(second.session?.user).toBe('admin');
  });

  it('reads a session from a token already in a synchronous store', () => {
    const token = makeToken({ sub: 'ops', roles: 'ROLE_READ', exp: 2_000_000_000 });
    const client = createLicenseServerClient({ server: 'http://licsrv:7070', tokenStore: memoryTokenStore(token) });
    expect(client.session).toMatchObject({ user: 'ops', roles: ['ROLE_READ'], token });
    expect(client.session?.expires?.getTime()).toBe(2_000_000_000_000);
  });

  it('changes the password at first login, then logs in with the new one', async () => {
    let password = 'Default!1';
    let mustChange = true;
    const server = await start((req, res) => {
      const path = route(req);
      if (path === '/authorize') {
        const body = JSON.parse(req.body.toString()) as { user: string; password: string };
        if (body.password !== password) return sendJson(res, 401, { key: 'glsErr.userAuthFailed', message: 'Bad', arguments: [] });
        return sendJson(res, 200, {
          token: makeToken({ sub: body.user, roles: 'ROLE_ADMIN', exp: 2_000_000_000, change: mustChange }),
          expires: '2033-05-18T03:33:20.000Z',
          passwordChangeRequired: mustChange,
        });
      }
      if (path === '/users/admin/password' && req.method === 'PUT') {
        const body = JSON.parse(req.body.toString()) as { currentPassword: string; newPassword: string };
        if (body.currentPassword !== password) return sendJson(res, 400, { key: 'glsErr.userAuthFailed', message: 'Bad', arguments: [] });
        password = body.newPassword;
        mustChange = false;
        return res.writeHead(204).end();
      }
      if (mustChange) return sendJson(res, 403, { key: 'glsErr.passwordChangeRequired', message: 'Change it', arguments: ['admin'] });
      return sendJson(res, 200, []);
    });
    const client = createLicenseServerClient({ server: server.url });

    const first = await client.login('admin', 'Default!1');
    expect(first.passwordChangeRequired).toBe(true);
    await expect(client.settings.list()).rejects.toMatchObject({ key: 'glsErr.passwordChangeRequired' });
    await expect(client.settings.list()).rejects.toBeInstanceOf(ForbiddenError);

    const next = await client.changePassword('Default!1', 'Chosen!22');
    expect(next.passwordChangeRequired).toBe(false);
    expect(client.session?.passwordChangeRequired).toBe(false);
    await expect(client.settings.list()).resolves.toEqual([]);
  });

  it('leaves an Authorization header set by the caller alone', async () => {
    const server = await start((_req, res) => sendJson(res, 200, []));
    const client = createLicenseServerClient({ server: server.url });
    await client.raw.GET('/features', { headers: { Authorization: 'Bearer mine' } });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer mine');
  });
});

describe('expired tokens', () => {
  it('shares one re-login among 5 parallel GETs and 1 POST and replays each once with the identical body (C21)', async () => {
    const { handler } = authServer({ ttlMs: 200, delayMs: 30 });
    const server = await start(handler);
    const client = createLicenseServerClient({ server: server.url });
    await client.login('admin', 'Secret!1');
    const firstToken = client.session!.token;
    await sleep(300); // past the token lifetime

    const bigGroup = {
      name: 'lab',
      reservations: [
        {
          hostId: { value: 'AA11BB22CC33', type: 'ETHERNET' },
          reservationEntries: [{ featureName: `f-${randomBytes(2_600).toString('hex')}`, featureVersion: '1.0', featureCount: 1 }],
        },
      ],
    };
    const sentBody = JSON.stringify(bigGroup);
    expect(Buffer.byteLength(sentBody)).toBeGreaterThan(5_000);
    server.requests.length = 0;

    const results = await Promise.all([
      client.features.list().all(),
      client.devices.list().all(),
      client.reservations.list().all(),
      client.features.clients(1).all(),
      client.reservations.reservations(1).all(),
      client.reservations.create(bigGroup),
    ]);

    expect(results[5]).toEqual([{ id: 1, name: 'lab', reservations: [] }]);
    expect(authorizeCalls(server)).toHaveLength(1);
    const newToken = client.session!.token;
    expect(newToken).not.toBe(firstToken);
    const withOld = server.requests.filter((r) => r.headers.authorization === `Bearer ${firstToken}`);
    const replays = server.requests.filter((r) => r.headers.authorization === `Bearer ${newToken}`);
    expect(withOld).toHaveLength(6);
    expect(replays).toHaveLength(6);

    const posts = server.requests.filter((r) => r.method === 'POST' && route(r) === '/reservationgroups');
    expect(posts).toHaveLength(2);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const expected = sha(Buffer.from(sentBody));
    expect(posts.map((p) => sha(p.body))).toEqual([expected, expected]);
    expect(posts.map((p) => p.headers['content-type'])).toEqual(['application/json', 'application/json']);
  });

  it('surfaces the error and tries no third time when the re-login fails too (C21)', async () => {
    const { state, handler } = authServer({ ttlMs: 200, delayMs: 30 });
    const server = await start(handler);
    const client = createLicenseServerClient({ server: server.url });
    await client.login('admin', 'Secret!1');
    await sleep(300);
    state.password = 'ChangedElsewhere!1';
    server.requests.length = 0;

    const outcomes = await Promise.allSettled([
      client.features.list().all(),
      client.devices.list().all(),
      client.reservations.create({ name: 'x', reservations: [] }),
    ]);

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(UnauthorizedError);
    }
    expect(authorizeCalls(server)).toHaveLength(1);
    expect(server.requests).toHaveLength(4); // 3 calls + 1 failed re-login, no replays
    expect(client.session).toBeNull();

    // Later calls are not retried with the rejected credentials either.
    await expect(client.features.list().all()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(authorizeCalls(server)).toHaveLength(1);
  });

  it('hands on a second 401 after the replay as UnauthorizedError, with no further login', async () => {
    const { handler } = authServer({ ttlMs: 200 });
    const server = await start(handler);
    const client = createLicenseServerClient({ server: server.url });
    await client.login('admin', 'Secret!1');
    await sleep(300);
    server.requests.length = 0;

    const raw = await client.raw.GET('/always-401' as '/features');
    expect(raw.response.status).toBe(401);
    expect(server.requests.map((r) => route(r))).toEqual(['/always-401', '/authorize', '/always-401']);
  });

  it('does not retry a 401 when no credentials are known', async () => {
    const { handler } = authServer({ ttlMs: 60_000 });
    const server = await start(handler);
    const client = createLicenseServerClient({ server: server.url });
    const error = await client.features.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).key).toBe('glsErr.unauthorized');
    expect(server.requests).toHaveLength(1);
  });
});
