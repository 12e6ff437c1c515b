import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { buildInfo } from './build-info.js';
import { ManagerError, errorBody } from './errors.js';
import { parseLicenseServerUrl } from './host.js';
import { probeLicenseServer } from './probe.js';
import { registerRelay } from './relay.js';
import { isLoopbackAddress, registerSecurity, securityHeaders } from './security.js';
import { SettingsStore, defaultSettings, licenseServerOrigin, type ManagerSettings } from './settings.js';
import { defaultSiteDir, registerSite } from './site.js';
import { Upstream } from './upstream.js';

/** Options of the manager server; every one has a default. */
export interface ManagerServerOptions {
  /** Port to listen on (default 8080; 0 picks a free port). */
  port?: number;
  /** Address to listen on (default 127.0.0.1; 0.0.0.0 serves other machines). */
  host?: string;
  /** Directory of the settings file (default ~/.licensedesk/manager). */
  dataDir?: string;
  /** License server URL used as the initial setting when no settings file exists yet. */
  licenseServer?: string;
  /** Extra trusted CA certificate(s), PEM text, for an HTTPS license server. */
  licenseServerCa?: string;
  /** Certificate and key, PEM text, to serve the manager over HTTPS. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The built site (default dist/site next to the server build). */
  siteDir?: string;
  /** Further Host names accepted while listening on a loopback address. */
  allowedHosts?: string[];
  /** Fastify logger option (default off). */
  logger?: FastifyServerOptions['logger'];
  /** Reports non-fatal problems (for example a damaged settings file). */
  warn?: (message: string) => void;
  /** Timeouts towards the license server (ms). */
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
}

/** A running manager server. */
export interface ManagerServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** The settings file (it exists once settings were saved). */
  settingsFile: string;
  /** Whether a built site is being served. */
  siteBuilt: boolean;
  siteDir: string;
  /** The settings in effect now. */
  settings(): ManagerSettings;
  app: FastifyInstance;
  /** Stops listening, closes open connections and the license server connection pool. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

/** The default settings directory: ~/.licensedesk/manager (./.licensedesk/manager without a home). */
export function defaultDataDir(): string {
  let home = '';
  try {
    home = homedir();
  } catch {
    home = '';
  }
  return home ? join(home, '.licensedesk', 'manager') : resolve('.licensedesk', 'manager');
}

/** Builds the manager's Fastify app without listening (see startManagerServer). */
export async function createManagerApp(options: ManagerServerOptions = {}) {
  const host = options.host ?? DEFAULT_HOST;
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const siteDir = resolve(options.siteDir ?? defaultSiteDir());
  const initial = defaultSettings(options.licenseServer ? parseLicenseServerUrl(options.licenseServer) : {});
  const store = await SettingsStore.open(dataDir, initial, options.warn);
  const upstream = new Upstream({
    ...(options.licenseServerCa ? { ca: options.licenseServerCa } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
  });

  const app = Fastify({
    logger: options.logger ?? false,
    forceCloseConnections: true,
    return503OnClosing: true,
    // Malformed URLs (bad %-escapes) get the manager's error shape too.
    frameworkErrors: (error, _request, reply) =>
      (reply as unknown as FastifyReply)
        .code(400)
        .headers(securityHeaders(Boolean(options.tls)))
        .send(errorBody('ldErr.invalidRequestTarget', `The request path is not valid: ${error.message}`)),
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  }) as unknown as FastifyInstance;

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ManagerError) return reply.code(error.statusCode).send(error.body);
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message = status >= 500 ? 'The manager failed to handle the request.' : (error as Error).message;
    return reply.code(status).send(errorBody(status >= 500 ? 'ldErr.internal' : 'ldErr.badRequest', message));
  });
  app.setNotFoundHandler((request, reply) => {
    const target = request.raw.url ?? '';
    if (!target.startsWith('/')) {
      return reply.code(400).send(errorBody('ldErr.invalidRequestTarget', 'The manager only answers requests for its own paths.', [target.slice(0, 200)]));
    }
    const path = target.split('?')[0] ?? '';
    return reply.code(404).send(errorBody('ldErr.notFound', `Not found: ${request.method} ${path}`, [path]));
  });

  // The manager's own API takes JSON only: a form or text/plain post from another page gets 415.
  app.removeContentTypeParser('text/plain');

  registerSecurity(app, {
    tls: Boolean(options.tls),
    allowedHostNames: isLoopbackAddress(host) ? new Set((options.allowedHosts ?? []).map((name) => name.toLowerCase())) : null,
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  app.get('/manager-api/info', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { ...buildInfo(), tls: Boolean(options.tls), licenseServerCaConfigured: Boolean(options.licenseServerCa) };
  });
  app.get('/manager-api/settings', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const settings = store.get();
    return { ...settings, licenseServerUrl: licenseServerOrigin(settings) };
  });
  app.put('/manager-api/settings', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const settings = await store.update(request.body);
    return { ...settings, licenseServerUrl: licenseServerOrigin(settings) };
  });
  app.get('/manager-api/probe', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return probeLicenseServer(store.get(), upstream);
  });

  await registerRelay(app, store, upstream);
  const site = await registerSite(app, siteDir);

  app.addHook('onClose', async () => upstream.close());
  return { app, store, upstream, siteDir, siteBuilt: site.built, dataDir, host };
}

/** Starts the manager server: the built site, the manager's settings API and the relay to the license server. */
export async function startManagerServer(options: ManagerServerOptions = {}): Promise<ManagerServer> {
  const { app, store, siteDir, siteBuilt, host } = await createManagerApp(options);
  const port = options.port ?? DEFAULT_PORT;
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `${options.tls ? 'https' : 'http'}://${urlHost}:${boundPort}`;
  return {
    url,
    port: boundPort,
    settingsFile: store.file,
    siteBuilt,
    siteDir,
    settings: () => store.get(),
    app,
    close: () => app.close(),
  };
}
