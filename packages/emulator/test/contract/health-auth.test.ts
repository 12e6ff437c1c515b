import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLicenseServerClient, UnauthorizedError, type LicenseServerClient } from '@licensedesk/sdk';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { ADMIN_PASSWORD, call, rejection, startTestServer, tokenFor, type TestServer } from '../support/server.js';
import { startEmulator } from '../../src/index.js';
import { DEFAULT_ADMIN_PASSWORD } from '../../src/options.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('health', () => {
  it('answers on the canonical prefix, the short alias and for the instance id itself', async () => {
    const health = await server.anonymous().health.get();
    expect(health.LLS.serverInstanceID).toBe(server.emu.context.instanceId);
    expect(health.LLS.security).toBe('enabled');
    expect(health.LLS.database.connectionCheck).toBe('success');
    const short = await call(`${server.emu.url}/api/1.0/health`);
    expect(short.status).toBe(200);
    const byId = await call(`${server.emu.url}/api/1.0/instances/${server.emu.context.instanceId}/health`);
    expect(byId.status).toBe(200);
  });

  it('answers HEAD for docker health checks', async () => {
    const response = await fetch(`${server.emu.url}/api/1.0/instances/~/health`, { method: 'HEAD' });
    expect(response.status).toBe(200);
  });

  it('answers 404 glsErr.unknownInstance for another instance id', async () => {
    const r = await call(`${server.emu.url}/api/1.0/instances/NOTTHISONE/health`);
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ key: 'glsErr.unknownInstance', arguments: ['NOTTHISONE'] });
  });

  it('answers unknown routes with the error shape', async () => {
    const r = await call(`${server.base}/no-such-thing`);
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ key: 'glsErr.notFound' });
    expect(Array.isArray(r.json.arguments)).toBe(true);
  });
});

describe('authorize', () => {
  it('issues an HS512 JWT with sub, iss, iat, exp, roles and xsrfToken', async () => {
    const r = await call(`${server.base}/authorize`, { method: 'POST', body: { user: 'admin', password: ADMIN_PASSWORD } });
    expect(r.status).toBe(200);
    expect(r.json.passwordChangeRequired).toBe(false);
    expect(decodeProtectedHeader(r.json.token)).toMatchObject({ alg: 'HS512', typ: 'JWT' });
    const claims = decodeJwt(r.json.token);
    expect(claims.sub).toBe('admin');
    expect(claims.iss).toBe(server.emu.context.instanceId);
    expect(claims.exp! - claims.iat!).toBe(86_400);
    expect(String(claims.roles).split(',')).toEqual(
      expect.arrayContaining(['ROLE_ADMIN', 'ROLE_READ', 'ROLE_RESERVATIONS', 'ROLE_DROPCLIENT', 'ROLE_OFFLINE']),
    );
    expect(String(claims.roles)).not.toContain('ROLE_PRODUCER');
    expect(typeof claims.xsrfToken).toBe('string');
    expect(new Date(r.json.expires).getTime()).toBe(claims.exp! * 1000);
  });

  it('rejects bad credentials with 401 glsErr.userAuthFailed naming the path and user, after exactly one request (C20)', async () => {
    let requests = 0;
    const client = createLicenseServerClient({
      server: server.emu.url,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const error = await rejection(client.login('admin', 'wrong-password'));
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.status).toBe(401);
    expect(error.key).toBe('glsErr.userAuthFailed');
    expect(error.arguments).toEqual(['/api/1.0/instances/~/authorize', 'admin']);
    expect(requests).toBe(1);
  });

  it('rejects a body without a password with 400 naming the field', async () => {
    const r = await call(`${server.base}/authorize`, { method: 'POST', body: { user: 'admin' } });
    expect(r.status).toBe(400);
    expect(r.json.key).toBe('glsErr.invalidRequest');
    expect(r.json.details).toContainEqual({ path: '$.password', message: 'is required' });
  });

  it('throttles repeated failures per user and address with 429 and Retry-After', async () => {
    const s = await startTestServer();
    try {
      for (let i = 0; i < 5; i++) {
        const r = await call(`${s.base}/authorize`, { method: 'POST', body: { user: 'viewer', password: 'nope' } });
        expect(r.status).toBe(401);
      }
      const blocked = await call(`${s.base}/authorize`, { method: 'POST', body: { user: 'viewer', password: 'nope' } });
      expect(blocked.status).toBe(429);
      expect(blocked.json.key).toBe('glsErr.tooManyAttempts');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another user is not affected, and the lockout ends after the window.
      expect((await call(`${s.base}/authorize`, { method: 'POST', body: { user: 'admin', password: ADMIN_PASSWORD } })).status).toBe(200);
      s.clock.advance(61_000);
      expect((await call(`${s.base}/authorize`, { method: 'POST', body: { user: 'viewer', password: 'nope' } })).status).toBe(401);
    } finally {
      await s.close();
    }
  });
});

describe('roles and anonymous access', () => {
  let viewer: LicenseServerClient;

  beforeAll(async () => {
    await server.admin.users.create({ name: 'viewer', password: 'View!er123', roles: ['ROLE_READ'] });
    viewer = await server.login('viewer', 'View!er123');
  });

  it('answers 401 glsErr.unauthorized without a token when security.anonymous is false (C22)', async () => {
    const r = await call(`${server.base}/features`);
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ key: 'glsErr.unauthorized', arguments: ['/api/1.0/instances/~/features'] });
    const error = await rejection(server.anonymous().features.list().all());
    expect(error.status).toBe(401);
  });

  it('answers 401 for a forged or foreign token', async () => {
    const other = await startEmulator({ port: 0, memory: true, secure: true, adminPassword: ADMIN_PASSWORD, expiryTimer: false });
    try {
      const foreign = await tokenFor(`${other.url}/api/1.0/instances/~`, 'admin', ADMIN_PASSWORD);
      expect((await call(`${server.base}/features`, { token: foreign })).status).toBe(401);
      expect((await call(`${server.base}/features`, { token: 'a.b.c' })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('lets a ROLE_READ user read but answers 403 glsErr.accessDenied for writes (C22)', async () => {
    expect(await viewer.features.list().all()).toEqual([]);
    const error = await rejection(viewer.settings.update({ 'security.anonymous': true }));
    expect(error.status).toBe(403);
    expect(error.key).toBe('glsErr.accessDenied');
    expect(error.arguments).toEqual(['/api/1.0/instances/~/configuration', 'ROLE_ADMIN']);
    expect((await rejection(viewer.users.list())).status).toBe(403);
  });

  it('serves GETs that need only ROLE_READ without a token once security.anonymous is true', async () => {
    await server.admin.settings.update({ 'security.anonymous': true });
    try {
      expect((await call(`${server.base}/features`)).status).toBe(200);
      expect((await call(`${server.base}/users`)).status).toBe(401);
      expect((await call(`${server.base}/configuration`, { method: 'PATCH', body: { 'security.anonymous': false } })).status).toBe(401);
    } finally {
      await server.admin.settings.update({ 'security.anonymous': false });
    }
  });

  it('serves everything without a token when administrative security is off', async () => {
    const open = await startEmulator({ port: 0, memory: true, validateResponses: true, expiryTimer: false });
    try {
      const client = createLicenseServerClient({ server: open.url });
      expect((await client.health.get()).LLS.security).toBe('disabled');
      expect(await client.users.list()).toHaveLength(2);
      await client.settings.update({ 'logging.threshold': 'DEBUG' });
    } finally {
      await open.close();
    }
  });
});

describe('default administrator password (C22)', () => {
  it('must be changed at first login, and only the password change is allowed until then', async () => {
    const emu = await startEmulator({ port: 0, memory: true, validateResponses: true, secure: true, expiryTimer: false });
    try {
      const base = `${emu.url}/api/1.0/instances/~`;
      const client = createLicenseServerClient({ server: emu.url });
      const session = await client.login('admin', DEFAULT_ADMIN_PASSWORD);
      expect(session.passwordChangeRequired).toBe(true);
      const blocked = await rejection(client.features.list().all());
      expect(blocked.status).toBe(403);
      expect(blocked.key).toBe('glsErr.passwordChangeRequired');
      const weak = await rejection(client.users.changePassword('admin', { currentPassword: DEFAULT_ADMIN_PASSWORD, newPassword: 'short' }));
      expect(weak.key).toBe('glsErr.weakPassword');
      const same = await rejection(
        client.users.changePassword('admin', { currentPassword: DEFAULT_ADMIN_PASSWORD, newPassword: DEFAULT_ADMIN_PASSWORD }),
      );
      expect(same.key).toBe('glsErr.weakPassword');
      const wrong = await rejection(client.users.changePassword('admin', { currentPassword: 'Wrong!pass1', newPassword: 'N3w!Secret' }));
      expect(wrong.status).toBe(400);
      expect(wrong.key).toBe('glsErr.userAuthFailed');
      await client.users.changePassword('admin', { currentPassword: DEFAULT_ADMIN_PASSWORD, newPassword: 'N3w!Secret' });
      // The same token now works for everything.
      expect(await client.features.list().all()).toEqual([]);
      expect((await call(`${base}/authorize`, { method: 'POST', body: { user: 'admin', password: DEFAULT_ADMIN_PASSWORD } })).status).toBe(401);
      const fresh = await call(`${base}/authorize`, { method: 'POST', body: { user: 'admin', password: 'N3w!Secret' } });
      expect(fresh.json.passwordChangeRequired).toBe(false);
    } finally {
      await emu.close();
    }
  });

  it('counts a password given at start as chosen (flag or LICENSEDESK_ADMIN_PASSWORD)', async () => {
    process.env.LICENSEDESK_ADMIN_PASSWORD = 'From!Env123';
    const emu = await startEmulator({ port: 0, memory: true, secure: true, expiryTimer: false });
    delete process.env.LICENSEDESK_ADMIN_PASSWORD;
    try {
      const client = createLicenseServerClient({ server: emu.url });
      expect((await client.login('admin', 'From!Env123')).passwordChangeRequired).toBe(false);
    } finally {
      await emu.close();
    }
  });
});

describe('users', () => {
  it('creates, lists, re-passwords and deletes users with the password rules', async () => {
    const admin = server.admin;
    const created = await admin.users.create({ name: 'alice', password: 'Al1ce!pass', roles: ['ROLE_READ', 'ROLE_RESERVATIONS'] });
    expect(created).toEqual({ name: 'alice', roles: ['ROLE_READ', 'ROLE_RESERVATIONS'], passwordChangeRequired: false });
    const defaults = await admin.users.create({ name: 'bob', password: 'B0b!passw' } as Parameters<typeof admin.users.create>[0]);
    expect(defaults.roles).toEqual(['ROLE_READ']);
    const taken = await rejection(admin.users.create({ name: 'alice', password: 'Al1ce!pass', roles: ['ROLE_READ'] }));
    expect(taken.status).toBe(409);
    expect(taken.key).toBe('glsErr.userExists');
    const weak = await rejection(admin.users.create({ name: 'carol', password: 'has space1A!', roles: ['ROLE_READ'] }));
    expect(weak.status).toBe(400);
    expect(weak.key).toBe('glsErr.weakPassword');
    expect(weak.details?.map((d) => d.message)).toContain('must not contain spaces');
    const noSpecial = await rejection(admin.users.create({ name: 'carol', password: 'Abcdefg12', roles: ['ROLE_READ'] }));
    expect(noSpecial.details?.[0]?.message).toMatch(/special/);
    const producerRole = await rejection(admin.users.create({ name: 'carol', password: 'Car0l!pass', roles: ['ROLE_PRODUCER'] }));
    expect(producerRole.status).toBe(403);

    const names = (await admin.users.list()).map((u) => u.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['admin', 'alice', 'bob', 'producer']));

    // An administrator setting someone else's password hands over a temporary one.
    await admin.users.changePassword('alice', { newPassword: 'Temp!0rary1' });
    const alice = createLicenseServerClient({ server: server.emu.url });
    expect((await alice.login('alice', 'Temp!0rary1')).passwordChangeRequired).toBe(true);
    await alice.users.changePassword('alice', { currentPassword: 'Temp!0rary1', newPassword: 'Al1ce!again' });
    // Users may not change someone else's password.
    expect((await rejection(alice.users.changePassword('bob', { newPassword: 'B0b!other1' }))).status).toBe(403);

    await admin.users.delete('bob');
    expect((await rejection(admin.users.delete('bob'))).status).toBe(404);
    expect((await rejection(admin.users.changePassword('nobody', { newPassword: 'N0body!pass' }))).status).toBe(404);
    const r = await call(`${server.base}/authorize`, { method: 'POST', body: { user: 'bob', password: 'B0b!passw' } });
    expect(r.status).toBe(401);
  });

  it('refuses to delete the last administrator with 409 glsErr.lastAdmin', async () => {
    const s = await startTestServer();
    try {
      // The producer account holds ROLE_ADMIN too; remove it first.
      await s.admin.users.delete('producer');
      const error = await rejection(s.admin.users.delete('admin'));
      expect(error.status).toBe(409);
      expect(error.key).toBe('glsErr.lastAdmin');
    } finally {
      await s.close();
    }
  });

  it('invalidates tokens of a deleted user', async () => {
    await server.admin.users.create({ name: 'temp', password: 'Temp!user1', roles: ['ROLE_READ'] });
    const token = await tokenFor(server.base, 'temp', 'Temp!user1');
    expect((await call(`${server.base}/features`, { token })).status).toBe(200);
    await server.admin.users.delete('temp');
    expect((await call(`${server.base}/features`, { token })).status).toBe(401);
  });
});

describe('token lifetime (C21)', () => {
  it('expires tokens after security.token.duration, and the SDK refreshes once for parallel calls and replays the body unchanged', async () => {
    const s = await startTestServer();
    try {
      await s.admin.settings.update({ 'security.token.duration': '2s' });
      const bodies: string[] = [];
      let authorizeCalls = 0;
      const client = createLicenseServerClient({
        server: s.emu.url,
        credentials: { user: 'admin', password: ADMIN_PASSWORD },
        fetch: async (input, init) => {
          const request = new Request(input instanceof Request ? input : String(input), init);
          if (request.url.endsWith('/authorize')) authorizeCalls++;
          if (request.method === 'POST' && request.url.includes('/reservationgroups')) bodies.push(await request.clone().text());
          return fetch(request);
        },
      });
      await client.features.list().all();
      expect(authorizeCalls).toBe(1);
      const token = await tokenFor(s.base, 'admin', ADMIN_PASSWORD);
      expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBe(2);
      s.clock.advance(2_500);
      expect((await call(`${s.base}/features`, { token })).status).toBe(401);

      s.addFeatures({ name: 'f1', version: '1.0', count: 100 });
      const big = {
        name: 'big',
        reservations: Array.from({ length: 40 }, (_, i) => ({
          hostId: { value: `HOST-PAYLOAD-${String(i).padStart(4, '0')}-${'x'.repeat(60)}`, type: 'STRING' },
          reservationEntries: [{ featureName: 'f1', featureVersion: '1.0', featureCount: 1 }],
        })),
      };
      expect(JSON.stringify(big).length).toBeGreaterThan(5_000);
      const results = await Promise.all([
        client.features.list().all(),
        client.devices.list().all(),
        client.settings.list(),
        client.hostids.get(),
        client.reservations.list().all(),
        client.reservations.create(big),
      ]);
      expect(results[5]).toHaveLength(1);
      expect(authorizeCalls).toBe(2);
      expect(bodies.length).toBe(2);
      expect(bodies[1]).toBe(bodies[0]);
    } finally {
      await s.close();
    }
  });
});
