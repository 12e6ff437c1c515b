import type { AddressInfo } from 'node:net';
import { createEmulatorApp, type EmulatorApp } from './app.js';
import type { EmulatorContext } from './context.js';
import type { EmulatorOptions } from './options.js';

export { createEmulatorApp, rewriteShortUrl, type EmulatorApp } from './app.js';
export type { EmulatorContext, Clock, Logger, EmulatorPaths } from './context.js';
export type { EmulatorOptions } from './options.js';
export { DEMO_CREDENTIALS, DEFAULT_ADMIN_PASSWORD, DEFAULT_PRODUCER_PASSWORD } from './options.js';
export { SETTINGS_CATALOGUE, SETTING_GROUPS, type SettingDefinition, type SettingValue } from './settings/catalogue.js';
export type { PoolProvider, PoolRequestInfo, PoolRoute } from './licensing/pools.js';
export type { StartInfo } from './bootstrap.js';

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:7070` (append `/api/1.0/instances/~`). */
  url: string;
  port: number;
  /** Stops listening, stops timers and closes the database. */
  close(): Promise<void>;
  context: EmulatorContext;
  app: EmulatorApp['app'];
  info: EmulatorApp['info'];
}

/** Starts an emulator and resolves once it listens. In memory unless `dataDir` is given. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { app, ctx, info } = await createEmulatorApp(options);
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 7070, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const port = (app.server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`;
  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    context: ctx,
    app,
    info,
    close: () => (closed ??= app.close().then(() => undefined)),
  };
}
